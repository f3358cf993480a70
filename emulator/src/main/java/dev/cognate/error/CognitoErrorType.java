package dev.cognate.error;

/** Every error code the emulator answers with, and the HTTP status real Cognito uses for it. */
public enum CognitoErrorType {
  ALIAS_EXISTS("AliasExistsException"),
  CODE_DELIVERY_FAILURE("CodeDeliveryFailureException"),
  CODE_MISMATCH("CodeMismatchException"),
  DUPLICATE_PROVIDER("DuplicateProviderException"),
  ENABLE_SOFTWARE_TOKEN_MFA("EnableSoftwareTokenMFAException"),
  EXPIRED_CODE("ExpiredCodeException"),
  FORBIDDEN("ForbiddenException"),
  GROUP_EXISTS("GroupExistsException"),
  INTERNAL_ERROR("InternalErrorException", 500),
  INVALID_LAMBDA_RESPONSE("InvalidLambdaResponseException"),
  INVALID_PARAMETER("InvalidParameterException"),
  INVALID_PASSWORD("InvalidPasswordException"),
  INVALID_USER_POOL_CONFIGURATION("InvalidUserPoolConfigurationException"),
  LIMIT_EXCEEDED("LimitExceededException"),
  MFA_METHOD_NOT_FOUND("MFAMethodNotFoundException"),
  NOT_AUTHORIZED("NotAuthorizedException"),
  PASSWORD_RESET_REQUIRED("PasswordResetRequiredException"),
  RESOURCE_NOT_FOUND("ResourceNotFoundException"),
  SCOPE_DOES_NOT_EXIST("ScopeDoesNotExistException"),
  SOFTWARE_TOKEN_MFA_NOT_FOUND("SoftwareTokenMFANotFoundException"),
  TOO_MANY_FAILED_ATTEMPTS("TooManyFailedAttemptsException"),
  TOO_MANY_REQUESTS("TooManyRequestsException"),
  UNAUTHORIZED("UnauthorizedException"),
  UNSUPPORTED_OPERATION("UnsupportedOperationException"),
  UNSUPPORTED_TOKEN_TYPE("UnsupportedTokenTypeException"),
  UNSUPPORTED_USER_STATE("UnsupportedUserStateException"),
  USER_LAMBDA_VALIDATION("UserLambdaValidationException"),
  USER_NOT_CONFIRMED("UserNotConfirmedException"),
  USER_NOT_FOUND("UserNotFoundException"),
  USERNAME_EXISTS("UsernameExistsException"),
  // Protocol-level codes that the AWS JSON front end produces before an operation runs.
  SERIALIZATION("SerializationException"),
  UNKNOWN_OPERATION("UnknownOperationException"),
  REQUEST_TOO_LARGE("RequestEntityTooLargeException", 413),
  // Signature checks of strict mode (--credentials). Cognito answers UnrecognizedClientException with 400, and AWS's
  // JSON services document these *Exception codes at 400 too (DynamoDB lists all four there); the 403 that AWS's
  // generic "common errors" page gives is for the query protocol's MissingAuthenticationToken. The SDK reads the code,
  // not the status, so only raw HTTP clients can tell.
  INCOMPLETE_SIGNATURE("IncompleteSignatureException"),
  INVALID_SIGNATURE("InvalidSignatureException"),
  MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException"),
  UNRECOGNIZED_CLIENT("UnrecognizedClientException"),
  // HTTP-level codes: the request could not be read at all, or asked for something that is not there.
  BAD_REQUEST("BadRequestException"),
  ACCESS_DENIED("AccessDeniedException", 403),
  NOT_FOUND("NotFoundException", 404),
  REQUEST_TIMEOUT("RequestTimeoutException", 408),
  HEADERS_TOO_LARGE("RequestHeaderFieldsTooLargeException", 431);

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
