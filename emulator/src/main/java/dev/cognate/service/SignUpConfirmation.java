package dev.cognate.service;

import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoException;
import java.time.Clock;
import java.time.Instant;

/** Moves users from UNCONFIRMED to CONFIRMED, by code or by an administrator. */
public final class SignUpConfirmation {
  private final Users users;
  private final CodeCheck codes;
  private final Clock clock;
  private final SignUpTriggers triggers;

  public SignUpConfirmation(Users users, CodeCheck codes, Clock clock, SignUpTriggers triggers) {
    this.users = users;
    this.codes = codes;
    this.clock = clock;
    this.triggers = triggers;
  }

  /**
   * Confirms with the code the user received; the attribute the code went to becomes verified. The code is
   * consumed once: a second use finds the user confirmed. {@link CodeCheck} counts and limits wrong codes. Post
   * confirmation runs once the user is confirmed.
   */
  public void withCode(UserPool pool, String clientId, User user, String code) {
    // The pool's view of sign-in names goes along: a verified e-mail becomes an alias in AliasAttributes pools.
    User confirmed =
        codes.use(
        pool,
        user,
        CodePurpose.SIGN_UP,
        "",
        code,
        SignUpConfirmation::requireUnconfirmed,
        (current, used) -> confirmed(pool, current));
    triggers.postConfirmation(pool, clientId, confirmed);
  }

  private User confirmed(UserPool pool, User user) {
    Instant now = clock.instant();
    User confirmed = user.withStatus(UserStatus.CONFIRMED, now);
    String verified = verifiedAttribute(pool, user);
    if (verified != null) {
      confirmed = confirmed.withAttribute(verified, "true", now);
    }
    return confirmed;
  }

  /** AdminConfirmSignUp: no code, and no attribute becomes verified; then Post confirmation. */
  public void byAdministrator(UserPool pool, User user) {
    User confirmed =
        users.change(
            user,
            current -> {
              requireUnconfirmed(current);
              Instant now = clock.instant();
              User changed = current.withStatus(UserStatus.CONFIRMED, now).withoutCode(CodePurpose.SIGN_UP, "", now);
              return new Users.Decision<>(changed, changed);
            },
            (written, answer) -> {});
    triggers.postConfirmation(pool, null, confirmed);
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
