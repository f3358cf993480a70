package dev.cognate.service;

import java.security.SecureRandom;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.Limits;
import dev.cognate.domain.PasswordPolicy;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeSenderTest {
  private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
  private static final CodeSender SENDER =
      new CodeSender(
          null, Optional.of("123456"), Limits.cognito(), Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());
  private static final User BOTH_VERIFIED =
      User.created(
          "us-east-1_abc",
          "alice",
          "sub",
          UserStatus.CONFIRMED,
          "hash",
          Map.of(
              "email", "alice@example.com",
              "email_verified", "true",
              "phone_number", "+15555550123",
              "phone_number_verified", "true"),
          NOW);

  @Test
  void masksLikeCognito() {
    assertEquals("a***@e***", CodeSender.mask("alice@example.com"));
    assertEquals("+*******0123", CodeSender.mask("+15555550123"));
  }

  @Test
  void secretHashIsBase64HmacOfUsernameAndClientId() {
    // Reference value computed independently: printf 'aliceclient1' | openssl dgst -sha256 -hmac secret -binary | base64
    assertEquals("1f+jIZ5jrvd9T9LKNEBwDVXuGhIxTem62DTEPkKb29k=", SecretHash.compute("secret", "alice", "client1"));
  }

  @Test
  void resetCodesGoWhereTheRecoverySettingPrefersAndLastOneHour() {
    assertEquals(Optional.of("SMS"), resetMedium(Map.of()));
    assertEquals(
        Optional.of("EMAIL"),
        resetMedium(recovery(List.of(mechanism("verified_phone_number", 2), mechanism("verified_email", 1)))));
    assertEquals(
        Optional.of("SMS"),
        resetMedium(recovery(List.of(mechanism("verified_email", 2), mechanism("verified_phone_number", 1)))));
    assertEquals(Optional.empty(), resetMedium(recovery(List.of(mechanism("admin_only", 1)))));
    assertEquals(
        NOW.plus(Duration.ofHours(1)),
        SENDER.prepareForgotPasswordCode(pool(Map.of()), BOTH_VERIFIED).orElseThrow().expiresAt());
  }

  @Test
  void anUnverifiedChannelIsNoChannel() {
    User unverified =
        BOTH_VERIFIED.withAttributes(
            Map.of("email", "alice@example.com", "email_verified", "false", "phone_number", "+15555550123"), NOW);
    assertEquals(Optional.empty(), SENDER.prepareForgotPasswordCode(pool(Map.of()), unverified));
  }

  private static Optional<String> resetMedium(Map<String, Object> echoed) {
    return SENDER.prepareForgotPasswordCode(pool(echoed), BOTH_VERIFIED).map(CodeSender.PreparedCode::medium);
  }

  private static Map<String, Object> recovery(List<Map<String, Object>> mechanisms) {
    return Map.of("AccountRecoverySetting", Map.of("RecoveryMechanisms", mechanisms));
  }

  private static Map<String, Object> mechanism(String name, int priority) {
    return Map.of("Name", name, "Priority", priority);
  }

  private static UserPool pool(Map<String, Object> echoed) {
    return new UserPool(
        "us-east-1_abc", "pool", "arn", NOW, NOW, PasswordPolicy.API_DEFAULT, List.of(), List.of(), List.of(),
        List.of(), true, false, "OFF", "INACTIVE", "ESSENTIALS", echoed);
  }
}
