package dev.cognate.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cognate.domain.SrpVerifier;
import dev.cognate.testing.SrpClient;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins each step of the server's SRP to values computed apart from it (a separate script following the issue's
 * description), and checks it against the test client, which hashes padded hex strings as the client libraries do.
 */
class SrpMathTest {
  private static final String POOL = "us-east-1_Abc123";
  private static final String USER = "alice";
  private static final String PASSWORD = "Passw0rd!";
  // The top bit of the first byte is set, so the salt is hashed with a 0x00 in front.
  private static final BigInteger SALT = new BigInteger("9f1e2d3c4b5a69788796a5b4c3d2e1f0", 16);
  private static final BigInteger A_SECRET = new BigInteger("1234567890abcdef1234567890abcdef", 16);
  private static final BigInteger B_SECRET = new BigInteger("fedcba0987654321fedcba0987654321", 16);

  @Test
  void kIsTheHashOfNAndGAsMinimalBytes() {
    assertEquals("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6", SrpMath.K.toString(16));
    assertEquals(SrpMath.K.toString(16), SrpClient.k());
  }

  @Test
  void thePoolNameIsThePartOfTheIdAfterTheUnderscore() {
    assertEquals("Abc123", SrpMath.poolName(POOL));
  }

  @Test
  void eachStepMatchesTheValuesComputedApart() {
    BigInteger x = SrpMath.x(SALT, POOL, USER, PASSWORD);
    assertEquals("8631c2449357f2aa58164b1bb947003809fda52d110ea78720dd6010724c08c9", x.toString(16));
    SrpVerifier verifier = SrpMath.verifierFor(SALT, POOL, USER, PASSWORD);
    assertEquals("2a137fb73a653378936541c4e422bcce3dfb953c39f37aa75a169636a78c8d91", sha256Hex(verifier.verifier()));
    BigInteger bigA = SrpMath.G.modPow(A_SECRET, SrpMath.N);
    BigInteger bigB = SrpMath.serverPublic(verifier.verifier(), B_SECRET);
    assertEquals("dcbdf1ed30b97c6b77063787940622f725e6edbdabc1c4b64c2d42df9c58a899", sha256Hex(bigB));
    BigInteger u = SrpMath.scrambler(bigA, bigB);
    assertEquals("b388b6327ab3e00ea6e53dcdf754379ae442be5a39cf8fe527a815a71b1186c2", u.toString(16));
    BigInteger s = SrpMath.serverSecret(bigA, verifier.verifier(), u, B_SECRET);
    assertEquals("1a6daf56f4377fcb159b1c78ad55dc43f3931e260166a02d878497cbe71cb055", sha256Hex(s));
    byte[] key = SrpMath.derivedKey(s, u);
    assertEquals("f1f1991447c66ffaed55b8091c5b75bb", HexFormat.of().formatHex(key));
    byte[] signature =
        SrpMath.claimSignature(
            key, POOL, USER, "secret-block".getBytes(StandardCharsets.UTF_8), "Tue Dec 1 07:05:09 UTC 2026");
    assertEquals("7JaQW4sUTWYSPsFNCD+AbZ9dh+o/AF6s38dZicSTHyA=", Base64.getEncoder().encodeToString(signature));
  }

  @Test
  void theTestClientDerivesTheServersKeyAndSignsWhatTheServerExpects() {
    SrpVerifier verifier = SrpMath.verifierFor(SALT, POOL, USER, PASSWORD);
    SrpClient client = new SrpClient(POOL, A_SECRET);
    BigInteger bigA = new BigInteger(client.srpA(), 16);
    BigInteger bigB = SrpMath.serverPublic(verifier.verifier(), B_SECRET);
    BigInteger u = SrpMath.scrambler(bigA, bigB);
    byte[] serverKey = SrpMath.derivedKey(SrpMath.serverSecret(bigA, verifier.verifier(), u, B_SECRET), u);
    assertArrayEquals(serverKey, client.key(USER, PASSWORD, bigB, SALT));

    String block = Base64.getEncoder().encodeToString("secret-block".getBytes(StandardCharsets.UTF_8));
    Map<String, String> challenge =
        Map.of("USER_ID_FOR_SRP", USER, "USERNAME", USER, "SECRET_BLOCK", block, "SRP_B", bigB.toString(16),
            "SALT", SALT.toString(16));
    Map<String, String> answer =
        client.answer(challenge, PASSWORD, ZonedDateTime.of(2026, 12, 1, 7, 5, 9, 0, ZoneOffset.UTC));
    assertEquals("Tue Dec 1 07:05:09 UTC 2026", answer.get("TIMESTAMP"));
    assertEquals("7JaQW4sUTWYSPsFNCD+AbZ9dh+o/AF6s38dZicSTHyA=", answer.get("PASSWORD_CLAIM_SIGNATURE"));
    assertFalse(Arrays.equals(serverKey, client.key(USER, "wrong", bigB, SALT)));
  }

  private static String sha256Hex(BigInteger value) {
    return HexFormat.of().formatHex(SrpMath.sha256(value.toByteArray()));
  }
}
