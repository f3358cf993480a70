package dev.cognate.operation.wire;

import java.time.Instant;

/** AWS JSON 1.1 timestamps are epoch seconds, with a fraction. */
public final class Timestamps {
  private Timestamps() {}

  public static Double seconds(Instant instant) {
    return instant == null ? null : instant.toEpochMilli() / 1000.0;
  }
}
