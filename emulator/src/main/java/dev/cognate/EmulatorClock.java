package dev.cognate;

import java.time.Clock;
import java.time.DateTimeException;
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
  // Every date the emulator writes (token claims in milliseconds, database timestamps, ISO-8601 text) fits in here;
  // a clock moved past it would fail every request that reads the time from then on.
  private static final Instant EARLIEST = Instant.EPOCH;
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final Clock base;
  private volatile Duration offset = Duration.ZERO;

  public EmulatorClock(Clock base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  /**
   * Moves the time forward by {@code duration} (backward when negative).
   *
   * @throws IllegalArgumentException when the time would leave 1970 to 9999; the clock then stays where it was
   */
  public synchronized void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    try {
      moveTo(offset.plus(duration));
    } catch (ArithmeticException e) {
      throw outOfRange();
    }
  }

  /**
   * Makes it {@code instant} now; the time runs on from there.
   *
   * @throws IllegalArgumentException when {@code instant} is outside 1970 to 9999; the clock then stays where it was
   */
  public synchronized void set(Instant instant) {
    moveTo(Duration.between(base.instant(), Objects.requireNonNull(instant, "instant")));
  }

  private void moveTo(Duration newOffset) {
    Instant then;
    try {
      then = base.instant().plus(newOffset);
    } catch (DateTimeException | ArithmeticException e) {
      throw outOfRange();
    }
    if (then.isBefore(EARLIEST) || then.isAfter(LATEST)) {
      throw outOfRange();
    }
    offset = newOffset;
  }

  private static IllegalArgumentException outOfRange() {
    return new IllegalArgumentException(
        "The clock cannot be moved before " + EARLIEST + " or past " + LATEST + ".");
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
