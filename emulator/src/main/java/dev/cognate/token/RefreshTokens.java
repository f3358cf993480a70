package dev.cognate.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque refresh tokens. Cognito's are JWEs nobody but Cognito can read; these have the same five-part shape but
 * are random, and only their SHA-256 is stored.
 */
public final class RefreshTokens {
  private static final String HEADER =
      Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString("{\"cty\":\"JWT\",\"enc\":\"A256GCM\",\"alg\":\"RSA-OAEP\"}".getBytes(StandardCharsets.UTF_8));

  private RefreshTokens() {}

  public static String newToken(SecureRandom random) {
    return String.join(
        ".", HEADER, bytes(random, 256), bytes(random, 12), bytes(random, 48), bytes(random, 16));
  }

  public static String hash(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static String bytes(SecureRandom random, int count) {
    byte[] value = new byte[count];
    random.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
