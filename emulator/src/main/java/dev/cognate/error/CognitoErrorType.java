package dev.cognate.error;

/** Every error code the emulator answers with, and the HTTP status real Cognito uses for it. */
public enum CognitoErrorType {
  ALIAS_EXISTS("AliasExistsException"),
  CODE_DELIVERY_FAILURE("CodeDeliveryFailureException"),
  CODE_MISMATCH("CodeMismatchException"),
  EXPIRED_CODE("ExpiredCodeException"),
  FORBIDDEN("ForbiddenException"),
  INTERNAL_ERROR("InternalErrorException", 500),
  INVALID_PARAMETER("InvalidParameterException"),
  INVALID_PASSWORD("InvalidPasswordException"),
  INVALID_USER_POOL_CONFIGURATION("InvalidUserPoolConfigurationException"),
  LIMIT_EXCEEDED("LimitExceededException"),
  NOT_AUTHORIZED("NotAuthorizedException"),
  PASSWORD_RESET_REQUIRED("PasswordResetRequiredException"),
  RESOURCE_NOT_FOUND("ResourceNotFoundException"),
  TOO_MANY_FAILED_ATTEMPTS("TooManyFailedAttemptsException"),
  TOO_MANY_REQUESTS("TooManyRequestsException"),
  UNAUTHORIZED("UnauthorizedException"),
  UNSUPPORTED_OPERATION("UnsupportedOperationException"),
  UNSUPPORTED_TOKEN_TYPE("UnsupportedTokenTypeException"),
  USER_NOT_CONFIRMED("UserNotConfirmedException"),
  USER_NOT_FOUND("UserNotFoundException"),
  USERNAME_EXISTS("UsernameExistsException"),
  // Protocol-level codes that the AWS JSON front end produces before an operation runs.
  SERIALIZATION("SerializationException"),
  UNKNOWN_OPERATION("UnknownOperationException"),
  REQUEST_TOO_LARGE("RequestEntityTooLargeException", 413),
  // Signature checks of strict mode (--credentials). Cognito's JSON front end answers these with 400 like its own
  // errors (UnrecognizedClientException is reported at 400); the 403s in AWS's "common errors" page belong to the
  // query protocol's codes (MissingAuthenticationToken, SignatureDoesNotMatch), not these JSON ones.
  INCOMPLETE_SIGNATURE("IncompleteSignatureException"),
  INVALID_SIGNATURE("InvalidSignatureException"),
  MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException"),
  UNRECOGNIZED_CLIENT("UnrecognizedClientException");

  private final String code;
  private final int status;

  CognitoErrorType(String code) {
    this(code, 400);
  }

  CognitoErrorType(String code, int status) {
    this.code = code;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }
}
