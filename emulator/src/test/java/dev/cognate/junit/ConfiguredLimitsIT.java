package dev.cognate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognate.Cognate;
import dev.cognate.Limits;
import dev.cognate.testing.CognatePool;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** Small limits set on the annotation, so that a test reaches each one in a call or two without moving time. */
@CognateTest(
    fixedCode = "135790",
    lockoutAfter = 2,
    lockoutBaseMillis = 600_000,
    wrongCodesPerCode = 1,
    codeSendsPerHour = 2,
    codeChecksPerHour = 3)
class ConfiguredLimitsIT {
  private static final String PASSWORD = "Passw0rd!";
  private static final String LIMIT = "Attempt limit exceeded, please try after some time.";

  Cognate cognate;
  CognitoIdentityProviderClient cognito;

  @Test
  void theAnnotationSetsTheLimits() {
    assertEquals(
        new Limits(2, Duration.ofMinutes(10), Duration.ofMinutes(15), 1, 2, 3), cognate.config().limits());
  }

  @Test
  void twoWrongPasswordsLockSignInOut(CognatePool pool) {
    signUp(pool, "lena");
    cognito.adminConfirmSignUp(b -> b.userPoolId(pool.userPoolId()).username("lena"));

    for (int i = 0; i < 2; i++) {
      assertError(
          NotAuthorizedException.class, "Incorrect username or password.", () -> signIn(pool, "lena", "Wr0ng-pass"));
    }
    assertError(NotAuthorizedException.class, "Password attempts exceeded", () -> signIn(pool, "lena", PASSWORD));
  }

  @Test
  void oneWrongCodeUsesTheCodeUpAndTwoCodesAnHourAreSent(CognatePool pool) {
    signUp(pool, "max");
    assertError(
        CodeMismatchException.class,
        "Invalid verification code provided, please try again.",
        () -> confirm(pool, "max", "000000"));
    assertError(LimitExceededException.class, LIMIT, () -> confirm(pool, "max", "135790"));

    cognito.resendConfirmationCode(b -> b.clientId(pool.clientId()).username("max"));
    assertError(
        LimitExceededException.class,
        LIMIT,
        () -> cognito.resendConfirmationCode(b -> b.clientId(pool.clientId()).username("max")));

    confirm(pool, "max", "135790");
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(pool.userPoolId()).username("max")).userStatus());
  }

  private void signUp(CognatePool pool, String username) {
    cognito.signUp(
        b -> b.clientId(pool.clientId())
            .username(username)
            .password(PASSWORD)
            .userAttributes(AttributeType.builder().name("email").value(username + "@example.com").build()));
  }

  private void confirm(CognatePool pool, String username, String code) {
    cognito.confirmSignUp(b -> b.clientId(pool.clientId()).username(username).confirmationCode(code));
  }

  private void signIn(CognatePool pool, String username, String password) {
    cognito.initiateAuth(
        b -> b.clientId(pool.clientId())
            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
  }

  private static void assertError(Class<? extends CognitoIdentityProviderException> type, String message, Executable call) {
    CognitoIdentityProviderException e = assertThrows(type, call);
    assertEquals(message, e.awsErrorDetails().errorMessage());
    assertEquals(400, e.statusCode());
  }
}
