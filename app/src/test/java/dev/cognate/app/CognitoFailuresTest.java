package dev.cognate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.app.CognitoFailures.Route;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/** Every row of the error table, including the failures the emulator cannot produce. */
class CognitoFailuresTest {
  private static final String GENERIC = "The identity service is unavailable; please try again later.";
  private static final String LOGIN_REFUSED = "Incorrect username or password.";

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          InvalidPasswordException       | SIGNUP       | 400 | Password did not conform with policy: Password not long enough
          InvalidParameterException      | SIGNUP       | 400 | Invalid email address format.
          InvalidParameterException      | VERIFICATION | 400 | 1 validation error detected
          InvalidParameterException      | LOGIN        | 400 | 1 validation error detected
          CodeMismatchException          | VERIFICATION | 400 | Invalid verification code provided, please try again.
          ExpiredCodeException           | VERIFICATION | 400 | Invalid code provided, please request a code again.
          UserNotConfirmedException      | LOGIN        | 403 | User is not confirmed.
          UserNotFoundException          | VERIFICATION | 404 | Username/client id combination not found.
          UsernameExistsException        | SIGNUP       | 409 | User already exists
          AliasExistsException           | SIGNUP       | 409 | An account with the given email already exists.
          AliasExistsException           | VERIFICATION | 409 | An account with the email already exists.
          NotAuthorizedException         | VERIFICATION | 409 | User cannot be confirmed. Current status is CONFIRMED
          TooManyRequestsException       | SIGNUP       | 429 | Too many requests
          TooManyRequestsException       | VERIFICATION | 429 | Too many requests
          TooManyRequestsException       | LOGIN        | 429 | Too many requests
          LimitExceededException         | SIGNUP       | 429 | Attempt limit exceeded, please try after some time.
          LimitExceededException         | VERIFICATION | 429 | Attempt limit exceeded, please try after some time.
          LimitExceededException         | LOGIN        | 429 | Attempt limit exceeded, please try after some time.
          TooManyFailedAttemptsException | VERIFICATION | 429 | Too many failed attempts.
          TooManyFailedAttemptsException | LOGIN        | 429 | Too many failed attempts.
          """)
  void cognitosMessageIsKeptWithAnHonestStatus(String code, Route route, int status, String message) {
    ApiResponse response = CognitoFailures.response(route, cognito(code, message));
    assertEquals(status, response.status());
    assertBody(response, failure(route), message);
  }

  @ParameterizedTest(name = "{0} on LOGIN -> 401 without saying which")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          NotAuthorizedException | Incorrect username or password.
          NotAuthorizedException | User is disabled.
          UserNotFoundException  | User does not exist.
          """)
  void aRefusedLoginIs401AndNeverRevealsWhetherTheUserExists(String code, String message) {
    ApiResponse response = CognitoFailures.response(Route.LOGIN, cognito(code, message));
    assertEquals(401, response.status());
    assertBody(response, "Authentication failed", LOGIN_REFUSED);
  }

  @ParameterizedTest(name = "{0} on {1} -> 502")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ResourceNotFoundException         | SIGNUP       | User pool client 1example23456789abcdefghij does not exist.
          ResourceNotFoundException         | VERIFICATION | User pool client 1example23456789abcdefghij does not exist.
          ResourceNotFoundException         | LOGIN        | User pool client 1example23456789abcdefghij does not exist.
          InternalErrorException            | SIGNUP       | Internal error
          InternalErrorException            | LOGIN        | Internal error
          NotAuthorizedException            | SIGNUP       | SignUp is not permitted for this user pool
          UserNotFoundException             | SIGNUP       | User does not exist.
          UnexpectedLambdaException         | SIGNUP       | PreSignUp failed
          CodeDeliveryFailureException      | SIGNUP       | Unable to deliver
          InvalidUserPoolConfigurationException | LOGIN    | Auth flow not enabled for this client
          SomethingNobodyHasSeenException   | VERIFICATION | surprise
          """)
  void anythingElseIs502WithTheGenericMessage(String code, Route route, String message) {
    ApiResponse response = CognitoFailures.response(route, cognito(code, message));
    assertEquals(502, response.status());
    assertBody(response, failure(route), GENERIC);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aClientSideFailureIs502WithTheGenericMessage(Route route) {
    ApiResponse response =
        CognitoFailures.response(route, SdkClientException.create("Unable to execute HTTP request: Connection refused"));
    assertEquals(502, response.status());
    assertBody(response, failure(route), GENERIC);
  }

  @ParameterizedTest
  @EnumSource(Route.class)
  void aServiceFailureWithoutErrorDetailsIs502WithTheGenericMessage(Route route) {
    SdkException failure = CognitoIdentityProviderException.builder().message("Service Unavailable").statusCode(503).build();
    ApiResponse response = CognitoFailures.response(route, failure);
    assertEquals(502, response.status());
    assertBody(response, failure(route), GENERIC);
  }

  @Test
  void theStatusTableByCode() {
    assertEquals(400, CognitoFailures.status(Route.SIGNUP, "InvalidPasswordException"));
    assertEquals(409, CognitoFailures.status(Route.LOGIN, "AliasExistsException"));
    assertEquals(403, CognitoFailures.status(Route.VERIFICATION, "UserNotConfirmedException"));
    assertEquals(401, CognitoFailures.status(Route.LOGIN, "UserNotFoundException"));
    assertEquals(404, CognitoFailures.status(Route.VERIFICATION, "UserNotFoundException"));
    assertEquals(502, CognitoFailures.status(Route.SIGNUP, "UserNotFoundException"));
    assertEquals(502, CognitoFailures.status(Route.LOGIN, null));
  }

  private static CognitoIdentityProviderException cognito(String code, String message) {
    return (CognitoIdentityProviderException)
        CognitoIdentityProviderException.builder()
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
            .statusCode(400)
            .build();
  }

  private static String failure(Route route) {
    return switch (route) {
      case SIGNUP -> "Registration failed";
      case VERIFICATION -> "User verification failed";
      case LOGIN -> "Authentication failed";
    };
  }

  private static void assertBody(ApiResponse response, String message, String error) {
    assertEquals(List.of("message", "error"), new ArrayList<>(response.body().keySet()));
    assertEquals(message, response.body().get("message"));
    assertEquals(error, response.body().get("error"));
  }
}
