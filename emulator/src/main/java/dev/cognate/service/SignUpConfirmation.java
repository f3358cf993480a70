package dev.cognate.service;

import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.time.Clock;
import java.time.Instant;

/** Moves users from UNCONFIRMED to CONFIRMED, by code or by an administrator. */
public final class SignUpConfirmation {
  private final Users users;
  private final Clock clock;

  public SignUpConfirmation(Users users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  /**
   * Confirms with the code the user received; the attribute the code went to becomes verified. The code is
   * consumed once: a second use finds the user confirmed.
   */
  public void withCode(UserPool pool, User user, String code) {
    // The pool's view of sign-in names goes along: a verified e-mail becomes an alias in AliasAttributes pools.
    users.change(
        pool, user, current -> new Users.Decision<>(confirmedWithCode(pool, current, code), null), (c, none) -> {});
  }

  private User confirmedWithCode(UserPool pool, User user, String code) {
    requireUnconfirmed(user);
    User.PendingCode pending =
        user.code(CodePurpose.SIGN_UP, "").filter(p -> p.code().equals(code)).orElseThrow(SignUpConfirmation::mismatch);
    Instant now = clock.instant();
    if (!now.isBefore(pending.expiresAt())) {
      throw new CognitoException(
          CognitoErrorType.EXPIRED_CODE, "Invalid code provided, please request a code again.");
    }
    User confirmed = user.withStatus(UserStatus.CONFIRMED, now).withoutCode(CodePurpose.SIGN_UP, "", now);
    String verified = verifiedAttribute(pool, user);
    if (verified != null) {
      confirmed = confirmed.withAttribute(verified, "true", now);
    }
    return confirmed;
  }

  /** AdminConfirmSignUp: no code, and no attribute becomes verified. */
  public void byAdministrator(User user) {
    users.change(
        user,
        current -> {
          requireUnconfirmed(current);
          Instant now = clock.instant();
          return current.withStatus(UserStatus.CONFIRMED, now).withoutCode(CodePurpose.SIGN_UP, "", now);
        });
  }

  public static CognitoException mismatch() {
    return new CognitoException(
        CognitoErrorType.CODE_MISMATCH, "Invalid verification code provided, please try again.");
  }

  private static void requireUnconfirmed(User user) {
    if (user.status() != UserStatus.UNCONFIRMED) {
      throw CognitoException.notAuthorized("User cannot be confirmed. Current status is " + user.status());
    }
  }

  /** The code went to e-mail when the pool verifies e-mail and the user has one, as {@link CodeSender} chose. */
  private static String verifiedAttribute(UserPool pool, User user) {
    if (pool.autoVerifiedAttributes().contains("email") && user.attribute("email").isPresent()) {
      return "email_verified";
    }
    if (pool.autoVerifiedAttributes().contains("phone_number") && user.attribute("phone_number").isPresent()) {
      return "phone_number_verified";
    }
    return null;
  }
}
