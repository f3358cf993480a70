package dev.cognate.service;

import java.security.SecureRandom;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
  // RFC 6238 appendix B: the SHA-1 key is the ASCII string "12345678901234567890"; codes are 8 digits there.
  private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void matchesTheSha1TestVectorsOfRfc6238() {
    assertEquals("94287082", Totp.code(RFC_KEY, 59 / 30, 8));
    assertEquals("07081804", Totp.code(RFC_KEY, 1111111109L / 30, 8));
    assertEquals("14050471", Totp.code(RFC_KEY, 1111111111L / 30, 8));
    assertEquals("89005924", Totp.code(RFC_KEY, 1234567890L / 30, 8));
    assertEquals("69279037", Totp.code(RFC_KEY, 2000000000L / 30, 8));
    assertEquals("65353130", Totp.code(RFC_KEY, 20000000000L / 30, 8));
  }

  @Test
  void sixDigitCodesAreTheLastSixOfTheRfcValues() {
    String secret = Totp.base32(RFC_KEY);
    assertEquals("287082", Totp.code(secret, Instant.ofEpochSecond(59)));
    assertEquals("081804", Totp.code(secret, Instant.ofEpochSecond(1111111109)));
  }

  @Test
  void base32RoundTripsAndMatchesTheRfc4648Example() {
    assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
    assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Totp.decode("MZXW6YTBOI"));
    String secret = Totp.newSecret(new SecureRandom());
    assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
    assertEquals(20, Totp.decode(secret).length);
  }

  @Test
  void acceptsOneStepEachSideAndNoMore() {
    String secret = Totp.base32(RFC_KEY);
    Instant at = Instant.ofEpochSecond(1111111109);
    String now = Totp.code(secret, at);
    assertTrue(Totp.accepts(secret, now, at));
    assertTrue(Totp.accepts(secret, now, at.plusSeconds(30)));
    assertTrue(Totp.accepts(secret, now, at.minusSeconds(30)));
    assertFalse(Totp.accepts(secret, now, at.plusSeconds(60)));
    assertFalse(Totp.accepts(secret, now, at.minusSeconds(60)));
    assertFalse(Totp.accepts(secret, "000000".equals(now) ? "111111" : "000000", at));
  }
}
