package dev.cognate.operation.wire;

import dev.cognate.service.Authenticator;

/** Tokens of a successful sign-in or refresh. */
public record AuthenticationResultType(
    String AccessToken, Integer ExpiresIn, String TokenType, String RefreshToken, String IdToken) {

  public static AuthenticationResultType of(Authenticator.SignIn signIn) {
    return new AuthenticationResultType(
        signIn.tokens().accessToken(),
        signIn.tokens().expiresIn(),
        "Bearer",
        signIn.refreshToken().orElse(null),
        signIn.tokens().idToken());
  }
}
