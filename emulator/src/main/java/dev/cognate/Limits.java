package dev.cognate;

import java.time.Duration;
import java.util.Objects;

/**
 * How Cognate protects users against guessing, as Cognito does; {@link #cognito()} holds Cognito's values, and tests
 * lower them to reach a limit in a few calls.
 *
 * @param lockoutAfter wrong passwords in a row after which sign-in is locked out (Cognito: 5)
 * @param lockoutBase how long the first lock-out lasts; each further wrong password doubles it (Cognito: about 1 s)
 * @param lockoutCap the longest lock-out (Cognito: about 15 minutes); {@link CognateConfig} requires it to be at least
 *     the base (checked there, so that base and cap can be set one after the other)
 * @param wrongCodesPerCode wrong guesses a code survives; the next attempt at it is refused, even with the right
 *     code, until a new code is sent
 * @param codeSendsPerHour codes of one purpose (sign-up, password reset, ...) sent to one user in any hour
 *     (Cognito: 5 ResendConfirmationCode per hour and user)
 * @param codeChecksPerHour attempts at one purpose's code by one user in any hour (Cognito: 15 ConfirmSignUp per
 *     hour and user)
 */
public record Limits(
    int lockoutAfter,
    Duration lockoutBase,
    Duration lockoutCap,
    int wrongCodesPerCode,
    int codeSendsPerHour,
    int codeChecksPerHour) {

  public static final int COGNITO_LOCKOUT_AFTER = 5;
  public static final long COGNITO_LOCKOUT_BASE_MILLIS = 1_000;
  public static final long COGNITO_LOCKOUT_CAP_MILLIS = 15 * 60_000;
  public static final int COGNITO_WRONG_CODES_PER_CODE = 5;
  public static final int COGNITO_CODE_SENDS_PER_HOUR = 5;
  public static final int COGNITO_CODE_CHECKS_PER_HOUR = 15;
  /** Cognito's ChangePassword calls per user and hour; not configurable, as a test rarely comes near it. */
  public static final int COGNITO_PASSWORD_CHANGES_PER_HOUR = 5;

  public Limits {
    Objects.requireNonNull(lockoutBase, "lockoutBase");
    Objects.requireNonNull(lockoutCap, "lockoutCap");
    atLeastOne("lockout after", lockoutAfter);
    atLeastOne("wrong codes per code", wrongCodesPerCode);
    atLeastOne("code sends per hour", codeSendsPerHour);
    atLeastOne("code checks per hour", codeChecksPerHour);
    if (lockoutBase.isNegative() || lockoutBase.isZero()) {
      throw new IllegalArgumentException("lock-out base must be positive, was " + lockoutBase);
    }
    if (lockoutCap.isNegative() || lockoutCap.isZero()) {
      throw new IllegalArgumentException("lock-out cap must be positive, was " + lockoutCap);
    }
  }

  /** Cognito's limits, the default. */
  public static Limits cognito() {
    return new Limits(
        COGNITO_LOCKOUT_AFTER,
        Duration.ofMillis(COGNITO_LOCKOUT_BASE_MILLIS),
        Duration.ofMillis(COGNITO_LOCKOUT_CAP_MILLIS),
        COGNITO_WRONG_CODES_PER_CODE,
        COGNITO_CODE_SENDS_PER_HOUR,
        COGNITO_CODE_CHECKS_PER_HOUR);
  }

  public Limits withLockoutAfter(int failures) {
    return new Limits(failures, lockoutBase, lockoutCap, wrongCodesPerCode, codeSendsPerHour, codeChecksPerHour);
  }

  public Limits withLockoutBase(Duration base) {
    return new Limits(lockoutAfter, base, lockoutCap, wrongCodesPerCode, codeSendsPerHour, codeChecksPerHour);
  }

  public Limits withLockoutCap(Duration cap) {
    return new Limits(lockoutAfter, lockoutBase, cap, wrongCodesPerCode, codeSendsPerHour, codeChecksPerHour);
  }

  public Limits withWrongCodesPerCode(int wrongCodes) {
    return new Limits(lockoutAfter, lockoutBase, lockoutCap, wrongCodes, codeSendsPerHour, codeChecksPerHour);
  }

  public Limits withCodeSendsPerHour(int sends) {
    return new Limits(lockoutAfter, lockoutBase, lockoutCap, wrongCodesPerCode, sends, codeChecksPerHour);
  }

  public Limits withCodeChecksPerHour(int checks) {
    return new Limits(lockoutAfter, lockoutBase, lockoutCap, wrongCodesPerCode, codeSendsPerHour, checks);
  }

  /**
   * How long sign-in stays locked after {@code failures} wrong passwords in a row: nothing before
   * {@link #lockoutAfter}, then the base, doubled for each further failure, at most the cap.
   */
  public Duration lockoutFor(int failures) {
    if (failures < lockoutAfter) {
      return Duration.ZERO;
    }
    int doublings = failures - lockoutAfter;
    // Past 62 doublings a long overflows; the cap was reached long before.
    if (doublings >= 62 || lockoutBase.toMillis() > (lockoutCap.toMillis() >> doublings)) {
      return lockoutCap;
    }
    Duration grown = lockoutBase.multipliedBy(1L << doublings);
    return grown.compareTo(lockoutCap) > 0 ? lockoutCap : grown;
  }

  private static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
