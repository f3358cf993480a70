package dev.cognate.app;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns a failed Cognito call into an honest HTTP status, keeping the original body shape
 * {@code {"message": <what failed>, "error": <Cognito's message>}}. The table is in README.md.
 */
public final class CognitoFailures {
  private static final Logger LOG = LoggerFactory.getLogger(CognitoFailures.class);
  private static final String GENERIC = "The identity service is unavailable; please try again later.";
  private static final String LOGIN_REFUSED = "Incorrect username or password.";

  private static final Set<String> BAD_REQUEST =
      Set.of("InvalidPasswordException", "InvalidParameterException", "CodeMismatchException", "ExpiredCodeException");
  private static final Set<String> CONFLICT = Set.of("UsernameExistsException", "AliasExistsException");
  private static final Set<String> TOO_MANY =
      Set.of("TooManyRequestsException", "LimitExceededException", "TooManyFailedAttemptsException");

  private CognitoFailures() {}

  /** Which route failed: the same Cognito code can mean different things to each. */
  public enum Route {
    SIGNUP("Registration failed"),
    VERIFICATION("User verification failed"),
    LOGIN("Authentication failed");

    private final String failure;

    Route(String failure) {
      this.failure = failure;
    }
  }

  public static ApiResponse response(Route route, SdkException failure) {
    AwsErrorDetails details = failure instanceof AwsServiceException aws ? aws.awsErrorDetails() : null;
    String code = details == null ? null : details.errorCode();
    String message = details == null ? null : details.errorMessage();
    int status = status(route, code);
    if (status == 502) {
      LOG.error("{}: unexpected failure from Cognito ({})", route.failure, code, failure);
      message = GENERIC;
    } else if (status == 401) {
      // Whether the user exists or the password is wrong stays Cognito's secret, not ours to reveal.
      message = LOGIN_REFUSED;
    }
    return ApiResponse.of(status, "message", route.failure, "error", message);
  }

  /**
   * Cognito wants another step (a new password, MFA) before it gives tokens: the user's account needs something
   * this app's login cannot do, so the user is told which step, not that the server failed.
   */
  public static ApiResponse challenge(String challengeName) {
    LOG.warn("{}: Cognito answered with the {} challenge, which this app does not handle", Route.LOGIN.failure, challengeName);
    return ApiResponse.of(
        403, "message", Route.LOGIN.failure, "error", "Sign-in needs the " + challengeName + " step, which this app does not support.");
  }

  static int status(Route route, String code) {
    if (code == null) {
      return 502;
    }
    if (BAD_REQUEST.contains(code)) {
      return 400;
    }
    if (CONFLICT.contains(code)) {
      return 409;
    }
    if (TOO_MANY.contains(code)) {
      return 429;
    }
    if (code.equals("UserNotConfirmedException")) {
      return 403;
    }
    return switch (route) {
      case LOGIN -> code.equals("NotAuthorizedException") || code.equals("UserNotFoundException") ? 401 : 502;
      case VERIFICATION ->
          code.equals("UserNotFoundException") ? 404 : code.equals("NotAuthorizedException") ? 409 : 502;
      case SIGNUP -> 502;
    };
  }
}
