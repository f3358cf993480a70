package dev.cognate.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link SecureRandom} whose output is fixed by a seed: HMAC-SHA256, keyed by the seed, of a running block counter.
 * The JDK's own algorithms do not promise this: SHA1PRNG repeats only when seeded before its first use and only as the
 * Sun provider implements it, and DRBG always draws entropy of its own. Draws are serialized (the SPI is not declared
 * thread-safe, so {@link SecureRandom} synchronizes), which makes the sequence depend only on the order of draws.
 */
final class SeededRandom extends SecureRandom {
  SeededRandom(long seed) {
    super(new CounterSpi(seed), null);
  }

  private static final class CounterSpi extends SecureRandomSpi {
    private static final String HMAC = "HmacSHA256";

    private final Mac mac;
    private long counter;
    private final byte[] block = new byte[32];
    private int used = block.length;

    CounterSpi(long seed) {
      try {
        mac = Mac.getInstance(HMAC);
        byte[] label = "cognate".getBytes(StandardCharsets.US_ASCII);
        byte[] key = ByteBuffer.allocate(label.length + Long.BYTES).put(label).putLong(seed).array();
        mac.init(new SecretKeySpec(key, HMAC));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JVM has no " + HMAC, e);
      }
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      // A seeded run must not change course because some library offers more seed.
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        if (used == block.length) {
          mac.update(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
          byte[] next = mac.doFinal();
          System.arraycopy(next, 0, block, 0, block.length);
          used = 0;
        }
        bytes[i] = block[used++];
      }
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      byte[] bytes = new byte[numBytes];
      engineNextBytes(bytes);
      return bytes;
    }
  }
}
