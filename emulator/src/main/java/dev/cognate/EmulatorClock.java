package dev.cognate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The time of one emulator, which tests move: the configured clock (the system's, or a fixed or
 * {@link dev.cognate.testing.MutableClock} one) plus an offset. Everything that expires (codes, temporary passwords,
 * challenge sessions, tokens, lock-outs) and every date the emulator writes ({@code iat}, {@code exp},
 * {@code auth_time}, creation dates) reads this clock. It keeps running at the configured clock's pace after a move;
 * only SigV4's check of request dates stays on the configured clock, since the SDK signs with the machine's time.
 */
public final class EmulatorClock extends Clock {
  private final Clock base;
  private volatile Duration offset = Duration.ZERO;

  public EmulatorClock(Clock base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  /** Moves the time forward by {@code duration} (backward when negative). */
  public synchronized void advance(Duration duration) {
    offset = offset.plus(Objects.requireNonNull(duration, "duration"));
  }

  /** Makes it {@code instant} now; the time runs on from there. */
  public synchronized void set(Instant instant) {
    offset = Duration.between(base.instant(), Objects.requireNonNull(instant, "instant"));
  }

  /** How far the time has been moved from the configured clock's. */
  public Duration offset() {
    return offset;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
