package dev.cognate.service;

import dev.cognate.domain.User.PendingCode;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.time.Instant;
import java.util.Optional;

/**
 * The one comparison of a code a user typed with the code they were sent, so that limits on wrong codes have one
 * place to hook into.
 */
public final class TypedCodes {
  private TypedCodes() {}

  /**
   * The stored code when {@code typed} is it and it is still valid; otherwise Cognito's answer: no code to check
   * against (never sent, or already used) or an expired one is ExpiredCodeException, a different one
   * CodeMismatchException.
   */
  public static PendingCode accept(Optional<PendingCode> stored, String typed, Instant now) {
    PendingCode code = stored.orElseThrow(TypedCodes::expired);
    if (!code.code().equals(typed)) {
      throw mismatch();
    }
    if (!now.isBefore(code.expiresAt())) {
      throw expired();
    }
    return code;
  }

  public static CognitoException mismatch() {
    return new CognitoException(
        CognitoErrorType.CODE_MISMATCH, "Invalid verification code provided, please try again.");
  }

  public static CognitoException expired() {
    return new CognitoException(
        CognitoErrorType.EXPIRED_CODE, "Invalid code provided, please request a code again.");
  }
}
