package dev.cognate.service;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226): HMAC-SHA1 of the number of
 * 30-second steps since the epoch, truncated to six digits. Secrets travel as unpadded base32, as Cognito's
 * SecretCode does.
 */
public final class Totp {
  public static final int STEP_SECONDS = 30;
  private static final int DIGITS = 6;
  private static final int MODULUS = 1_000_000;
  // Cognito's secrets are 160 bits, the HMAC-SHA1 key size RFC 4226 recommends.
  private static final int SECRET_BYTES = 20;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** A new random secret in base32. */
  public static String newSecret(SecureRandom random) {
    byte[] key = new byte[SECRET_BYTES];
    random.nextBytes(key);
    return base32(key);
  }

  /** The code for the time step holding {@code at}. */
  public static String code(String base32Secret, Instant at) {
    return code(decode(base32Secret), Math.floorDiv(at.getEpochSecond(), STEP_SECONDS), DIGITS);
  }

  /**
   * Whether {@code given} is the code of the step holding {@code at} or of the step before or after it: clocks of
   * phones drift, and a code typed in just before its step ends arrives in the next.
   */
  public static boolean accepts(String base32Secret, String given, Instant at) {
    byte[] key = decode(base32Secret);
    long step = Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    boolean matched = false;
    for (long s = step - 1; s <= step + 1; s++) {
      // Every step is compared, in constant time, so the answer's timing does not tell which step matched.
      matched |= MessageDigest.isEqual(code(key, s, DIGITS).getBytes(), given.getBytes());
    }
    return matched;
  }

  /** RFC 4226's HOTP with dynamic truncation, for a key and counter; {@code digits} up to 8. */
  static String code(byte[] key, long counter, int digits) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    int modulus = digits == DIGITS ? MODULUS : (int) Math.pow(10, digits);
    return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
  }

  static String base32(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 0x1f));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 0x1f));
    }
    return out.toString();
  }

  static byte[] decode(String base32) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : base32.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '=') {
        break;
      }
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not base32: " + c);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
