package dev.cognate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;

/** Asserts that a call fails the way Cognito fails it: error code, exact message and HTTP 400. */
public final class CognitoAssertions {
  private CognitoAssertions() {}

  public static CognitoIdentityProviderException assertCognitoError(String code, String message, Executable call) {
    CognitoIdentityProviderException e = assertThrows(CognitoIdentityProviderException.class, call);
    assertEquals(code, e.awsErrorDetails().errorCode(), () -> "error code; message was: "
        + e.awsErrorDetails().errorMessage());
    assertEquals(message, e.awsErrorDetails().errorMessage(), "error message");
    assertEquals(400, e.statusCode(), "HTTP status");
    return e;
  }

  /** Also checks that the SDK mapped the code to its exception class. */
  public static <T extends CognitoIdentityProviderException> T assertCognitoError(
      Class<T> type, String message, Executable call) {
    return assertInstanceOf(type, assertCognitoError(type.getSimpleName(), message, call));
  }

  public static InvalidParameterException assertInvalidParameter(String message, Executable call) {
    return assertCognitoError(InvalidParameterException.class, message, call);
  }
}
