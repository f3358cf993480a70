package dev.cognate.provision;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Physical ids derived from the stack name and logical id, so a template gives the same ids on every start and on
 * every machine: SHA-256 of {@code stack/logicalId/purpose}, spelt the way Cognito spells each kind of id.
 */
final class StableIds {
  private static final String POOL_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String SECRET_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private StableIds() {}

  /** {@code <region>_} and nine letters and digits, as Cognito's pool ids. */
  static String poolId(String region, String stack, String logicalId) {
    return region + "_" + spell(digest(stack, logicalId, "pool"), POOL_ALPHABET, 9);
  }

  /** 26 lowercase base-32 digits of 128 bits, as Cognito's client ids. */
  static String clientId(String stack, String logicalId) {
    byte[] bits = new byte[16];
    System.arraycopy(digest(stack, logicalId, "client"), 0, bits, 0, 16);
    String id = new BigInteger(1, bits).toString(32);
    return "0".repeat(26 - id.length()) + id;
  }

  /** 52 lowercase letters and digits, as Cognito's generated client secrets. */
  static String clientSecret(String stack, String logicalId) {
    byte[] first = digest(stack, logicalId, "secret");
    byte[] second = digest(stack, logicalId, "secret2");
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return spell(both, SECRET_ALPHABET, 52);
  }

  private static String spell(byte[] bytes, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt((bytes[i] & 0xff) % alphabet.length()));
    }
    return out.toString();
  }

  private static byte[] digest(String stack, String logicalId, String purpose) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((stack + "/" + logicalId + "/" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
