package dev.cognate.random;

import java.security.SecureRandom;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The one source of every value the emulator makes up and a client can see: pool and client ids, client secrets,
 * {@code sub}s, codes, temporary passwords, refresh tokens, token ids, session strings, authenticator secrets, SRP
 * salts and secrets. Unseeded it is the platform's {@link SecureRandom}; seeded it is a deterministic generator, so
 * the same requests made one after another produce the same values on every run.
 */
public final class Randomness {
  private Randomness() {}

  /** The JDK's generator when {@code seed} is empty, otherwise a deterministic one from that seed. */
  public static SecureRandom of(OptionalLong seed) {
    return seed.isPresent() ? new SeededRandom(seed.getAsLong()) : new SecureRandom();
  }

  /** A version 4 UUID, the shape of Cognito's {@code sub}s and token ids, drawn from {@code random}. */
  public static UUID uuid(SecureRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (bytes[i] & 0xff);
      low = (low << 8) | (bytes[i + 8] & 0xff);
    }
    return new UUID(high, low);
  }
}
