package dev.cognate.service;

import dev.cognate.Limits;
import dev.cognate.domain.User;
import dev.cognate.error.CognitoException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Cognito's answer to password guessing: after {@link Limits#lockoutAfter()} wrong passwords in a row, sign-in is
 * refused for a while, even with the right password, and each further wrong password doubles that while up to a
 * cap. A right password outside a lock-out starts the count again.
 *
 * <p>Only stored users are counted. An unknown user's sign-in (with PreventUserExistenceErrors ENABLED) keeps
 * answering "Incorrect username or password.": Cognito documents that answer for unknown users, and nothing about
 * locking names that do not exist.
 */
public final class SignInLockout {
  private static final String EXCEEDED = "Password attempts exceeded";

  private final Users users;
  private final Limits limits;
  private final Clock clock;

  public SignInLockout(Users users, Limits limits, Clock clock) {
    this.users = users;
    this.limits = limits;
    this.clock = clock;
  }

  /** Refuses the sign-in while the user is locked out, before any password is looked at. */
  public void requireUnlocked(User user) {
    if (lockedAt(user, clock.instant())) {
      throw CognitoException.notAuthorized(EXCEEDED);
    }
  }

  /**
   * Counts a wrong password as a change of the stored user, so that concurrent wrong passwords are all counted;
   * the count that reaches the limit starts the lock-out. A guess at a password that has been replaced meanwhile
   * does not count against the new one.
   */
  public void countFailure(User read) {
    users.change(
        read,
        current -> {
          if (!Objects.equals(current.passwordHash(), read.passwordHash())) {
            return current;
          }
          int failures = current.lockout().failures() + 1;
          Instant now = clock.instant();
          Duration lock = limits.lockoutFor(failures);
          return current.withLockout(
              new User.Lockout(failures, lock.isZero() ? Optional.empty() : Optional.of(now.plus(lock))));
        });
  }

  /**
   * After a right password: clears earlier wrong ones. Returns true when it wrote a change, after which the sign-in
   * must read the user again; it leaves the user as is when a wrong password was counted after {@code read}, so that
   * the sign-in, decided again, sees that failure too.
   */
  public boolean clearAfterSuccess(User read) {
    if (read.lockout().failures() == 0) {
      return false;
    }
    users.change(
        read, current -> current.lockout().equals(read.lockout()) ? current.withLockout(User.Lockout.NONE) : current);
    return true;
  }

  private static boolean lockedAt(User user, Instant now) {
    return user.lockout().until().map(now::isBefore).orElse(false);
  }
}
