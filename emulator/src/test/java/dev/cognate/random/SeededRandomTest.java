package dev.cognate.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeededRandomTest {

  @Test
  void theSameSeedGivesTheSameBytesWhateverTheDrawSizes() {
    SecureRandom one = Randomness.of(OptionalLong.of(5));
    SecureRandom other = Randomness.of(OptionalLong.of(5));
    byte[] whole = new byte[100];
    one.nextBytes(whole);
    byte[] pieces = new byte[100];
    for (int at = 0; at < 100; at += 7) {
      byte[] piece = new byte[Math.min(7, 100 - at)];
      other.nextBytes(piece);
      System.arraycopy(piece, 0, pieces, at, piece.length);
    }
    assertArrayEquals(whole, pieces);
  }

  @Test
  void offeredSeedIsIgnoredAndAnotherSeedDiffers() {
    SecureRandom one = Randomness.of(OptionalLong.of(5));
    one.setSeed(99);
    one.setSeed(new byte[] {1, 2, 3});
    SecureRandom same = Randomness.of(OptionalLong.of(5));
    SecureRandom other = Randomness.of(OptionalLong.of(6));
    assertEquals(same.nextLong(), one.nextLong());
    assertFalse(Randomness.of(OptionalLong.of(5)).nextLong() == other.nextLong());
  }

  @Test
  void drawsFromManyThreadsAreEachWholeBlocksOfTheSequence() {
    SecureRandom shared = Randomness.of(OptionalLong.of(11));
    Set<String> drawn = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 4000).parallel().forEach(i -> {
      byte[] bytes = new byte[16];
      shared.nextBytes(bytes);
      drawn.add(Arrays.toString(bytes));
    });
    SecureRandom alone = Randomness.of(OptionalLong.of(11));
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 4000; i++) {
      byte[] bytes = new byte[16];
      alone.nextBytes(bytes);
      expected.add(Arrays.toString(bytes));
    }
    assertEquals(expected, drawn);
  }

  @Test
  void uuidsAreVersionFourAndRepeatWithTheSeed() {
    UUID uuid = Randomness.uuid(Randomness.of(OptionalLong.of(1)));
    assertEquals(4, uuid.version());
    assertEquals(2, uuid.variant());
    assertEquals(uuid, Randomness.uuid(Randomness.of(OptionalLong.of(1))));
  }
}
