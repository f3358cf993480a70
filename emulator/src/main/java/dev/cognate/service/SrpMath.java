package dev.cognate.service;

import dev.cognate.domain.SrpVerifier;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cognito's SRP-6a, as the public client libraries implement it: the 3072-bit MODP group of RFC 3526 with generator
 * 2 and SHA-256. Every number is hashed as its minimal big-endian two's-complement bytes (what
 * {@link BigInteger#toByteArray()} gives, with a 0x00 in front when the top bit is set), not padded to the length of
 * N as RFC 5054 does; the client libraries hash them that way, so the server must too.
 */
public final class SrpMath {
  public static final BigInteger N =
      new BigInteger(
          "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
              + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
              + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
              + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
              + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
              + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
              + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
              + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
          16);
  public static final BigInteger G = BigInteger.TWO;
  public static final BigInteger K = hashToNumber(N, G);

  private static final byte[] DERIVED_KEY_INFO = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);
  private static final int DERIVED_KEY_BYTES = 16;
  private static final int SALT_BYTES = 16;
  // As long as SHA-256's output: the server's secret exponent needs no more strength than the hash binding it.
  private static final int SECRET_BYTES = 32;

  private SrpMath() {}

  /** The pool name that SRP hashes: the part of the pool id after its region and underscore. */
  public static String poolName(String userPoolId) {
    return userPoolId.substring(userPoolId.indexOf('_') + 1);
  }

  /** A new random salt and the verifier of {@code password} for the user. */
  public static SrpVerifier verifierFor(
      SecureRandom random, String userPoolId, String userIdForSrp, String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return verifierFor(new BigInteger(1, salt), userPoolId, userIdForSrp, password);
  }

  public static SrpVerifier verifierFor(BigInteger salt, String userPoolId, String userIdForSrp, String password) {
    return new SrpVerifier(salt, G.modPow(x(salt, userPoolId, userIdForSrp, password), N));
  }

  /** {@code x = H(salt | H(poolName + userIdForSrp + ":" + password))}. */
  public static BigInteger x(BigInteger salt, String userPoolId, String userIdForSrp, String password) {
    byte[] identity =
        sha256((poolName(userPoolId) + userIdForSrp + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new BigInteger(1, sha256(salt.toByteArray(), identity));
  }

  /** A random secret exponent {@code b} (never sent), from 1 up. */
  public static BigInteger secret(SecureRandom random) {
    BigInteger b;
    do {
      byte[] bytes = new byte[SECRET_BYTES];
      random.nextBytes(bytes);
      b = new BigInteger(1, bytes);
    } while (b.signum() == 0);
    return b;
  }

  /** The server's public value {@code B = (k*v + g^b) mod N}. */
  public static BigInteger serverPublic(BigInteger verifier, BigInteger b) {
    return K.multiply(verifier).add(G.modPow(b, N)).mod(N);
  }

  /** {@code u = H(A | B)}. */
  public static BigInteger scrambler(BigInteger clientPublic, BigInteger serverPublic) {
    return hashToNumber(clientPublic, serverPublic);
  }

  /** The server's shared secret {@code S = (A * v^u)^b mod N}. */
  public static BigInteger serverSecret(BigInteger clientPublic, BigInteger verifier, BigInteger u, BigInteger b) {
    return clientPublic.multiply(verifier.modPow(u, N)).mod(N).modPow(b, N);
  }

  /** The 16-byte key both sides derive: HKDF-SHA256 with {@code u} as salt over {@code S}, info "Caldera Derived Key". */
  public static byte[] derivedKey(BigInteger sharedSecret, BigInteger u) {
    byte[] pseudoRandomKey = hmac(u.toByteArray(), sharedSecret.toByteArray());
    byte[] firstBlock = hmac(pseudoRandomKey, DERIVED_KEY_INFO, new byte[] {1});
    byte[] key = new byte[DERIVED_KEY_BYTES];
    System.arraycopy(firstBlock, 0, key, 0, DERIVED_KEY_BYTES);
    return key;
  }

  /** HMAC-SHA256 over {@code poolName + userIdForSrp + secretBlock + timestamp}, the password claim's signature. */
  public static byte[] claimSignature(
      byte[] key, String userPoolId, String userIdForSrp, byte[] secretBlock, String timestamp) {
    return hmac(
        key,
        poolName(userPoolId).getBytes(StandardCharsets.UTF_8),
        userIdForSrp.getBytes(StandardCharsets.UTF_8),
        secretBlock,
        timestamp.getBytes(StandardCharsets.UTF_8));
  }

  static BigInteger hashToNumber(BigInteger... numbers) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (BigInteger number : numbers) {
      bytes.writeBytes(number.toByteArray());
    }
    return new BigInteger(1, sha256(bytes.toByteArray()));
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static byte[] hmac(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
