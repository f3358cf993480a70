package dev.cognate.service;

import dev.cognate.Limits;
import dev.cognate.domain.SrpVerifier;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.CodeAttemptStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * New passwords that need no code: ChangePassword by the signed-in user, AdminSetUserPassword by an administrator.
 * Neither ends the user's sessions: Cognito leaves refresh tokens valid until they are revoked or signed out.
 */
public final class PasswordChanges {
  private static final String INCORRECT = "Incorrect username or password.";
  private static final Duration HOUR = Duration.ofHours(1);

  private final Users users;
  private final Passwords passwords;
  private final CodeAttemptStore attempts;
  private final Clock clock;

  public PasswordChanges(Users users, Passwords passwords, CodeAttemptStore attempts, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.attempts = attempts;
    this.clock = clock;
  }

  /**
   * ChangePassword: the previous password must be the current one, the proposed one must meet the policy. A user
   * holding a temporary password (set by an administrator after they signed in) is confirmed by it.
   *
   * <p>Every attempt counts towards Cognito's {@link Limits#COGNITO_PASSWORD_CHANGES_PER_HOUR} per user and hour,
   * past which LimitExceededException answers even the right password: an access token must not allow unlimited
   * guesses at the password (the policy's answer, given only to the right previous password, tells it apart).
   */
  public void byUser(UserPool pool, User user, String previousPassword, String proposedPassword) {
    if (user.status() == UserStatus.RESET_REQUIRED) {
      throw PasswordResets.resetRequired();
    }
    boolean previousMatches = passwords.matches(user, previousPassword);
    Optional<CognitoException> violation =
        pool.passwordPolicy()
            .firstViolation(proposedPassword)
            .map(message -> new CognitoException(CognitoErrorType.INVALID_PASSWORD, message));
    boolean accepted = previousMatches && violation.isEmpty();
    String hash = accepted ? passwords.hash(proposedPassword) : null;
    SrpVerifier verifier = accepted ? passwords.verifier(pool.id(), user.username(), proposedPassword) : null;
    Optional<CognitoException> refusal =
        users.change(
            user,
            current -> {
              // A password changed since the one just checked is not the previous password any more.
              if (!previousMatches || !Objects.equals(current.passwordHash(), user.passwordHash())) {
                return new Users.Decision<>(current, Optional.of(CognitoException.notAuthorized(INCORRECT)));
              }
              if (violation.isPresent()) {
                return new Users.Decision<>(current, violation);
              }
              Instant now = clock.instant();
              User changed = current.withPassword(hash, verifier, now);
              // Choosing a new password is what a temporary one asks for.
              return new Users.Decision<>(
                  current.status() == UserStatus.FORCE_CHANGE_PASSWORD
                      ? changed.withStatus(UserStatus.CONFIRMED, now)
                      : changed,
                  Optional.empty());
            },
            (written, outcome) -> {
              Instant now = clock.instant();
              if (attempts.recordPasswordChange(written, now, now.minus(HOUR))
                  > Limits.COGNITO_PASSWORD_CHANGES_PER_HOUR) {
                throw CodeCheck.attemptLimitExceeded();
              }
            });
    refusal.ifPresent(
        e -> {
          throw e;
        });
  }

  /**
   * AdminSetUserPassword: a permanent password confirms the user; a temporary one must be replaced at the next
   * sign-in (FORCE_CHANGE_PASSWORD), and ages from now.
   */
  public void byAdministrator(UserPool pool, User user, String password, boolean permanent) {
    requireConforming(pool, password);
    String hash = passwords.hash(password);
    SrpVerifier verifier = passwords.verifier(pool.id(), user.username(), password);
    UserStatus status = permanent ? UserStatus.CONFIRMED : UserStatus.FORCE_CHANGE_PASSWORD;
    users.change(
        user,
        current -> {
          Instant now = clock.instant();
          return current.withPassword(hash, verifier, now).withStatus(status, now);
        });
  }

  /** The pool's policy, refused with SignUp's InvalidPasswordException wording. */
  public static void requireConforming(UserPool pool, String password) {
    pool.passwordPolicy()
        .firstViolation(password)
        .ifPresent(
            message -> {
              throw new CognitoException(CognitoErrorType.INVALID_PASSWORD, message);
            });
  }
}
