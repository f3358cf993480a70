package dev.cognate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private static final String PREFIX = "Password did not conform with policy: ";
  private final PasswordPolicy strict = PasswordPolicy.API_DEFAULT;

  @Test
  void conformingPasswordPasses() {
    assertEquals(Optional.empty(), strict.firstViolation("Passw0rd!"));
    assertEquals(Optional.empty(), strict.firstViolation("Pass w0rd"));
  }

  @Test
  void eachRuleHasCognitosMessage() {
    assertEquals(Optional.of(PREFIX + "Password not long enough"), strict.firstViolation("Pa0!"));
    assertEquals(Optional.of(PREFIX + "Password must have uppercase characters"), strict.firstViolation("passw0rd!"));
    assertEquals(Optional.of(PREFIX + "Password must have lowercase characters"), strict.firstViolation("PASSW0RD!"));
    assertEquals(Optional.of(PREFIX + "Password must have numeric characters"), strict.firstViolation("Password!"));
    assertEquals(Optional.of(PREFIX + "Password must have symbol characters"), strict.firstViolation("Passw0rdd"));
  }

  @Test
  void onlyTheFirstBrokenRuleIsReported() {
    assertEquals(Optional.of(PREFIX + "Password not long enough"), strict.firstViolation("a"));
  }

  @Test
  void relaxedPolicyChecksLengthOnly() {
    PasswordPolicy relaxed = new PasswordPolicy(6, false, false, false, false, 7);
    assertEquals(Optional.empty(), relaxed.firstViolation("secret"));
    assertEquals(Optional.of(PREFIX + "Password not long enough"), relaxed.firstViolation("short"));
  }
}
