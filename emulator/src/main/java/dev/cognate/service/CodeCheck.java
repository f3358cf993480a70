package dev.cognate.service;

import dev.cognate.Limits;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.CodeAttemptStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.BiFunction;

/**
 * The one rule for a code a user types in, whatever it is for: ConfirmSignUp, ConfirmForgotPassword,
 * VerifyUserAttribute. It compares the code with the one the user was sent, refuses it once expired, counts wrong
 * guesses against the code and bounds the attempts a user makes per hour, with Cognito's codes and messages.
 *
 * <p>Everything is decided on the user as stored and written through {@link Users#change}, so concurrent guesses
 * are all counted and a code is used at most once.
 */
public final class CodeCheck {
  private static final Duration HOUR = Duration.ofHours(1);

  private final Users users;
  private final CodeAttemptStore attempts;
  private final Limits limits;
  private final Clock clock;

  public CodeCheck(Users users, CodeAttemptStore attempts, Limits limits, Clock clock) {
    this.users = users;
    this.attempts = attempts;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Uses the user's pending code of {@code purpose} and {@code attribute} ({@code ""} unless the purpose is
   * {@link CodePurpose#VERIFY_ATTRIBUTE}, where it names the attribute). On the user as stored, in this order:
   *
   * <ol>
   *   <li>{@code guard} may refuse the user by throwing (ConfirmSignUp refuses a user who is no longer
   *       UNCONFIRMED);
   *   <li>no such code: ExpiredCodeException {@code Invalid code provided, please request a code again.};
   *   <li>a code already guessed wrong {@link Limits#wrongCodesPerCode()} times: LimitExceededException
   *       {@code Attempt limit exceeded, please try after some time.}, even for the right code, until a new code is
   *       sent;
   *   <li>another code: the wrong guess is stored against the code, then CodeMismatchException
   *       {@code Invalid verification code provided, please try again.};
   *   <li>an expired code: ExpiredCodeException;
   *   <li>the right code: {@code onMatch} is applied to the user without the code and to the code used (which
   *       may carry a value waiting for verification); that user is written.
   * </ol>
   *
   * Each attempt that gets as far as comparing codes counts towards {@link Limits#codeChecksPerHour()} for the user
   * and purpose; past it, LimitExceededException and nothing is written.
   *
   * @return the user as written after the right code
   */
  public User use(
      UserPool pool,
      User read,
      CodePurpose purpose,
      String attribute,
      String typed,
      Consumer<User> guard,
      BiFunction<User, User.PendingCode, User> onMatch) {
    return use(pool, read, purpose, attribute, typed, guard, onMatch, written -> {});
  }

  /**
   * {@link #use(UserPool, User, CodePurpose, String, String, Consumer, BiFunction)}, and after the right code also
   * {@code alongsideMatch} in the same transaction as the user's change (to revoke sessions, say); it may refuse by
   * throwing, which undoes the change.
   */
  public User use(
      UserPool pool,
      User read,
      CodePurpose purpose,
      String attribute,
      String typed,
      Consumer<User> guard,
      BiFunction<User, User.PendingCode, User> onMatch,
      Consumer<User> alongsideMatch) {
    // Pool-aware, so that what a code verifies moves the user's sign-in names in the same write.
    Verdict verdict =
        users.change(
            pool,
            read,
            current -> decide(current, purpose, attribute, typed, guard, onMatch),
            (written, decided) -> {
              Instant now = clock.instant();
              if (attempts.record(written, purpose, now, now.minus(HOUR)) > limits.codeChecksPerHour()) {
                throw attemptLimitExceeded();
              }
              if (decided.matched()) {
                alongsideMatch.accept(written);
              }
            });
    if (!verdict.matched()) {
      throw mismatch();
    }
    return verdict.written();
  }

  /** Whether the typed code was the right one, and the user to write either way. */
  private record Verdict(boolean matched, User written) {}

  private Users.Decision<Verdict> decide(
      User user,
      CodePurpose purpose,
      String attribute,
      String typed,
      Consumer<User> guard,
      BiFunction<User, User.PendingCode, User> onMatch) {
    guard.accept(user);
    User.PendingCode pending = user.code(purpose, attribute).orElseThrow(CodeCheck::expired);
    if (pending.failedAttempts() >= limits.wrongCodesPerCode()) {
      throw attemptLimitExceeded();
    }
    if (!pending.code().equals(typed)) {
      // A wrong guess is bookkeeping, not a change anyone sees: the user's modification date stays.
      User counted = user.withCode(pending.withFailedAttempt(), user.modifiedAt());
      return new Users.Decision<>(counted, new Verdict(false, counted));
    }
    Instant now = clock.instant();
    if (!now.isBefore(pending.expiresAt())) {
      throw expired();
    }
    User used = onMatch.apply(user.withoutCode(purpose, attribute, now), pending);
    return new Users.Decision<>(used, new Verdict(true, used));
  }

  /** Cognito's answer when codes are sent or tried too often. */
  public static CognitoException attemptLimitExceeded() {
    return new CognitoException(
        CognitoErrorType.LIMIT_EXCEEDED, "Attempt limit exceeded, please try after some time.");
  }

  public static CognitoException mismatch() {
    return new CognitoException(
        CognitoErrorType.CODE_MISMATCH, "Invalid verification code provided, please try again.");
  }

  public static CognitoException expired() {
    return new CognitoException(CognitoErrorType.EXPIRED_CODE, "Invalid code provided, please request a code again.");
  }
}
