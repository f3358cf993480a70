package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** Confirmation in the app's original pool: before it, with a wrong code, and twice. */
class ConfirmationContractIT extends ContractCase {

  @Test
  void loginBeforeConfirmationIsRefused(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    Cases.signUp(target, pool, username, Cases.PASSWORD);
    assertCognitoError(
        "UserNotConfirmedException", "User is not confirmed.", () -> Cases.login(target, pool, username));
  }

  /**
   * Checked on every target: a wrong code needs no mailbox. The user stays unconfirmed and can still be confirmed
   * afterwards.
   */
  @Test
  void aWrongCodeIsAMismatchAndLeavesTheUserUnconfirmed(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    Cases.signUp(target, pool, username, Cases.PASSWORD);
    String wrong = Cases.wrongCode(target, pool, username);
    assertCognitoError(
        "CodeMismatchException",
        "Invalid verification code provided, please try again.",
        () -> target.cognito().confirmSignUp(
            b -> b.clientId(pool.clientId()).username(username).confirmationCode(wrong)));
    assertEquals(UserStatusType.UNCONFIRMED, status(target, pool, username));

    Cases.confirm(target, pool, username);
    assertEquals(UserStatusType.CONFIRMED, status(target, pool, username));
  }

  /**
   * Where the code can be read, the second attempt sends the very code that confirmed the user; elsewhere the code
   * is unknown, and Cognito refuses a confirmed user whatever code comes with it.
   */
  @Test
  void confirmingTwiceIsRefused(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    String code =
        target.can(Capability.READ_CODES)
            ? target.lastCode(pool.userPoolId(), username).orElseThrow()
            : Cases.wrongCode(target, pool, username);
    assertCognitoError(
        "NotAuthorizedException",
        "User cannot be confirmed. Current status is CONFIRMED",
        () -> target.cognito().confirmSignUp(
            b -> b.clientId(pool.clientId()).username(username).confirmationCode(code)));
    assertEquals(UserStatusType.CONFIRMED, status(target, pool, username));
  }

  private static UserStatusType status(Target target, CognatePool pool, String username) {
    return target.cognito().adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(username)).userStatus();
  }
}
