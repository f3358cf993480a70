package dev.cognate.service;

import dev.cognate.domain.CodeDestination;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SrpVerifier;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Password resets by code: ForgotPassword and AdminResetUserPassword send a FORGOT_PASSWORD code to a verified
 * channel, ConfirmForgotPassword trades it for a new password. The code and the user change commit together, and a
 * code is consumed by the write that uses it, so of two confirmations racing with one code only one succeeds.
 */
public final class PasswordResets {
  private static final String NO_CHANNEL =
      "Cannot reset password for the user as there is no registered/verified email or phone_number";

  private final Users users;
  private final Passwords passwords;
  private final CodeSender codes;
  private final CodeCheck codeCheck;
  private final Clock clock;

  public PasswordResets(Users users, Passwords passwords, CodeSender codes, CodeCheck codeCheck, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.codes = codes;
    this.codeCheck = codeCheck;
    this.clock = clock;
  }

  /** ForgotPassword for a known, enabled user; returns where the code went. */
  public CodeDestination forgotten(UserPool pool, User user) {
    return sendCode(
        pool,
        user,
        current -> {
          // An invited user's temporary password is changed at sign-in, not reset.
          if (current.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            throw CognitoException.notAuthorized("User password cannot be reset in the current state.");
          }
          return current;
        });
  }

  /** AdminResetUserPassword: the current password stops signing in, and a reset code goes out. */
  public void resetByAdministrator(UserPool pool, User user) {
    sendCode(pool, user, current -> current.withStatus(UserStatus.RESET_REQUIRED, clock.instant()));
  }

  private CodeDestination sendCode(UserPool pool, User user, UnaryOperator<User> change) {
    CodeSender.PreparedCode sent =
        users.change(
            user,
            current -> {
              User changed = change.apply(current);
              CodeSender.PreparedCode prepared =
                  codes
                      .prepareForgotPasswordCode(pool, current)
                      .orElseThrow(() -> CognitoException.invalidParameter(NO_CHANNEL));
              return new Users.Decision<>(
                  changed.withCode(prepared.pending(CodePurpose.FORGOT_PASSWORD), clock.instant()), prepared);
            },
            (stored, prepared) -> codes.send(pool, stored, prepared, CodePurpose.FORGOT_PASSWORD));
    return sent.reported();
  }

  /**
   * ConfirmForgotPassword: the code must be the user's current FORGOT_PASSWORD code; the new password must meet the
   * policy. Whatever the user's state, a reset by code leaves them CONFIRMED: the code proved they own a verified
   * channel. Sessions survive, as in Cognito, where only sign-out or revocation ends them.
   */
  public void confirm(UserPool pool, User user, String typedCode, String newPassword) {
    PasswordChanges.requireConforming(pool, newPassword);
    String hash = passwords.hash(newPassword);
    SrpVerifier verifier = passwords.verifier(pool.id(), user.username(), newPassword);
    codeCheck.use(
        pool,
        user,
        CodePurpose.FORGOT_PASSWORD,
        "",
        typedCode,
        current -> {},
        (current, used) -> {
          Instant now = clock.instant();
          return current.withPassword(hash, verifier, now).withStatus(UserStatus.CONFIRMED, now);
        });
  }

  /**
   * ConfirmForgotPassword for a disabled user, where the client hides why: the same code answers a bad code gets,
   * and never a password change.
   */
  public static CognitoException concealedRefusal(User user) {
    return user.code(CodePurpose.FORGOT_PASSWORD, "").isPresent() ? CodeCheck.mismatch() : CodeCheck.expired();
  }

  public static CognitoException resetRequired() {
    return new CognitoException(CognitoErrorType.PASSWORD_RESET_REQUIRED, "Password reset required for the user");
  }
}
