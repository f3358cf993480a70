package dev.cognate.error;

/** A Cognito error as a value: its code and the exact message the client sees. */
public final class CognitoException extends RuntimeException {
  private final CognitoErrorType type;

  public CognitoException(CognitoErrorType type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public CognitoErrorType type() {
    return type;
  }

  public static CognitoException invalidParameter(String message) {
    return new CognitoException(CognitoErrorType.INVALID_PARAMETER, message);
  }

  public static CognitoException notAuthorized(String message) {
    return new CognitoException(CognitoErrorType.NOT_AUTHORIZED, message);
  }

  public static CognitoException notFound(String message) {
    return new CognitoException(CognitoErrorType.RESOURCE_NOT_FOUND, message);
  }
}
