package dev.cognate.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognate.testing.CognatePool;
import java.util.UUID;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/** Steps and checks the contract cases share. */
final class Cases {
  static final String PASSWORD = "Passw0rd!";

  private Cases() {}

  /** A username no other case or run uses. */
  static String username() {
    return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static String email(String username) {
    return username + "@example.com";
  }

  /** Cognito's error code and exact message, from whatever call is made. */
  static CognitoIdentityProviderException assertCognitoError(String code, String message, Executable call) {
    CognitoIdentityProviderException e = assertThrows(CognitoIdentityProviderException.class, call);
    assertEquals(code, e.awsErrorDetails().errorCode(), () -> "code of: " + e.awsErrorDetails().errorMessage());
    assertEquals(message, e.awsErrorDetails().errorMessage());
    assertEquals(400, e.statusCode());
    return e;
  }

  static String signUp(Target target, CognatePool pool, String username, String password) {
    return target
        .cognito()
        .signUp(
            b -> b.clientId(pool.clientId())
                .username(username)
                .password(password)
                .userAttributes(AttributeType.builder().name("email").value(email(username)).build()))
        .userSub();
  }

  /**
   * Confirms a signed-up user the way the target allows: with the e-mailed code where codes can be read, by an
   * administrator elsewhere (on AWS the code goes to a mailbox nobody reads).
   */
  static void confirm(Target target, CognatePool pool, String username) {
    if (target.can(Capability.READ_CODES)) {
      String code = target.lastCode(pool.userPoolId(), username).orElseThrow();
      target.cognito().confirmSignUp(b -> b.clientId(pool.clientId()).username(username).confirmationCode(code));
    } else {
      target.cognito().adminConfirmSignUp(b -> b.userPoolId(pool.userPoolId()).username(username));
    }
  }

  static String signUpConfirmed(Target target, CognatePool pool, String username) {
    String sub = signUp(target, pool, username, PASSWORD);
    confirm(target, pool, username);
    return sub;
  }
}
