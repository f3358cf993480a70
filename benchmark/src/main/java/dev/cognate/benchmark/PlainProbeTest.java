package dev.cognate.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A test class without the extension: what JUnit alone costs as the first class in a JVM. */
public class PlainProbeTest {
  @Test
  void adds() {
    assertEquals(2, 1 + 1);
  }
}
