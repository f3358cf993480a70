package dev.cognate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void cognitosLockoutStartsAtTheFifthFailureWithOneSecondAndDoublesUpToFifteenMinutes() {
    Limits cognito = Limits.cognito();
    assertEquals(Duration.ZERO, cognito.lockoutFor(4));
    assertEquals(Duration.ofSeconds(1), cognito.lockoutFor(5));
    assertEquals(Duration.ofSeconds(2), cognito.lockoutFor(6));
    assertEquals(Duration.ofSeconds(512), cognito.lockoutFor(14));
    assertEquals(Duration.ofMinutes(15), cognito.lockoutFor(15), "1024 s passes the cap");
    assertEquals(Duration.ofMinutes(15), cognito.lockoutFor(Integer.MAX_VALUE));
  }

  @Test
  void smallLimitsForTests() {
    Limits small =
        Limits.cognito().withLockoutAfter(1).withLockoutBase(Duration.ofMillis(10)).withLockoutCap(Duration.ofMillis(25));
    assertEquals(Duration.ofMillis(10), small.lockoutFor(1));
    assertEquals(Duration.ofMillis(20), small.lockoutFor(2));
    assertEquals(Duration.ofMillis(25), small.lockoutFor(3));
  }

  @Test
  void nonsenseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Limits.cognito().withLockoutAfter(0));
    assertThrows(IllegalArgumentException.class, () -> Limits.cognito().withLockoutBase(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Limits.cognito().withCodeSendsPerHour(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> CognateConfig.forTests().limits(l -> l.withLockoutBase(Duration.ofHours(1))).build());
  }
}
