package dev.cognate.protocol;

import java.util.Set;

/**
 * The operations AWS serves without a SigV4 signature ({@code smithy.api#noAuth} in Cognito's model): they
 * authenticate with a client id or an access token instead, so strict mode never asks them for a signature.
 */
final class UnsignedOperations {
  private static final Set<String> NAMES =
      Set.of(
          "AssociateSoftwareToken", "ChangePassword", "CompleteWebAuthnRegistration", "ConfirmDevice",
          "ConfirmForgotPassword", "ConfirmSignUp", "DeleteUser", "DeleteUserAttributes", "DeleteWebAuthnCredential",
          "ForgetDevice", "ForgotPassword", "GetDevice", "GetTokensFromRefreshToken", "GetUser",
          "GetUserAttributeVerificationCode", "GetUserAuthFactors", "GlobalSignOut", "InitiateAuth", "ListDevices",
          "ListWebAuthnCredentials", "ResendConfirmationCode", "RespondToAuthChallenge", "RevokeToken",
          "SetUserMFAPreference", "SetUserSettings", "SignUp", "StartWebAuthnRegistration", "UpdateAuthEventFeedback",
          "UpdateDeviceStatus", "UpdateUserAttributes", "VerifySoftwareToken", "VerifyUserAttribute");

  private UnsignedOperations() {}

  static boolean contains(String operation) {
    return NAMES.contains(operation);
  }
}
