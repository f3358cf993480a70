package dev.cognate.service;

import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * New passwords that need no code: ChangePassword by the signed-in user, AdminSetUserPassword by an administrator.
 * Neither ends the user's sessions: Cognito leaves refresh tokens valid until they are revoked or signed out.
 */
public final class PasswordChanges {
  private final Users users;
  private final Passwords passwords;
  private final Clock clock;

  public PasswordChanges(Users users, Passwords passwords, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * ChangePassword: the previous password must be the current one, the proposed one must meet the policy. A user
   * holding a temporary password (set by an administrator after they signed in) is confirmed by it.
   */
  public void byUser(UserPool pool, User user, String previousPassword, String proposedPassword) {
    if (user.status() == UserStatus.RESET_REQUIRED) {
      throw PasswordResets.resetRequired();
    }
    if (!passwords.matches(previousPassword, user.passwordHash())) {
      throw CognitoException.notAuthorized("Incorrect username or password.");
    }
    requireConforming(pool, proposedPassword);
    String hash = passwords.hash(proposedPassword);
    users.change(
        user,
        current -> {
          // A password changed since the one just checked is not the previous password any more.
          if (!Objects.equals(current.passwordHash(), user.passwordHash())) {
            throw CognitoException.notAuthorized("Incorrect username or password.");
          }
          Instant now = clock.instant();
          User changed = current.withPassword(hash, now);
          // Choosing a new password is what a temporary one asks for.
          return current.status() == UserStatus.FORCE_CHANGE_PASSWORD
              ? changed.withStatus(UserStatus.CONFIRMED, now)
              : changed;
        });
  }

  /**
   * AdminSetUserPassword: a permanent password confirms the user; a temporary one must be replaced at the next
   * sign-in (FORCE_CHANGE_PASSWORD), and ages from now.
   */
  public void byAdministrator(UserPool pool, User user, String password, boolean permanent) {
    requireConforming(pool, password);
    String hash = passwords.hash(password);
    UserStatus status = permanent ? UserStatus.CONFIRMED : UserStatus.FORCE_CHANGE_PASSWORD;
    users.change(
        user,
        current -> {
          Instant now = clock.instant();
          return current.withPassword(hash, now).withStatus(status, now);
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
