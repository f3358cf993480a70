package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * Repeated wrong passwords lock sign-in out, even for the right password. Only admin operations: no mailbox is
 * needed, so every target runs it, AWS included.
 */
class LockoutContractIT extends ContractCase {
  private static final String WRONG = "Wr0ng-Passw0rd!";
  private static final String INCORRECT = "Incorrect username or password.";
  private static final String EXCEEDED = "Password attempts exceeded";

  /**
   * Five wrong passwords earn a lock-out of about a second. The sixth answers either way, depending on whether it
   * arrives within that second (then refused unchecked) or after it (then counted, doubling the lock-out); the right
   * password right after it is refused in both cases.
   */
  @Test
  void sixWrongPasswordsThenTheRightOneIsRefused(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    Cases.signUp(target, pool, username, Cases.PASSWORD);
    target.cognito().adminConfirmSignUp(b -> b.userPoolId(pool.userPoolId()).username(username));

    for (int i = 1; i <= 5; i++) {
      assertCognitoError("NotAuthorizedException", INCORRECT, () -> adminSignIn(target, pool, username, WRONG));
    }
    CognitoIdentityProviderException sixth =
        assertThrows(CognitoIdentityProviderException.class, () -> adminSignIn(target, pool, username, WRONG));
    assertEquals("NotAuthorizedException", sixth.awsErrorDetails().errorCode());
    assertTrue(
        Set.of(INCORRECT, EXCEEDED).contains(sixth.awsErrorDetails().errorMessage()),
        sixth.awsErrorDetails().errorMessage());

    assertCognitoError(
        "NotAuthorizedException", EXCEEDED, () -> adminSignIn(target, pool, username, Cases.PASSWORD));
  }

  private static void adminSignIn(Target target, CognatePool pool, String username, String password) {
    target
        .cognito()
        .adminInitiateAuth(
            b -> b.userPoolId(pool.userPoolId())
                .clientId(pool.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Cases.passwordParameters(pool, username, password)));
  }
}
