package dev.cognate.operation.wire;

import dev.cognate.service.Authenticator;
import java.util.List;
import java.util.Map;

/** The answer of InitiateAuth and AdminInitiateAuth; a finished sign-in has no challenge and empty parameters. */
public record InitiateAuthResponse(
    String ChallengeName,
    String Session,
    Map<String, String> ChallengeParameters,
    AuthenticationResultType AuthenticationResult,
    List<String> AvailableChallenges) {

  public static InitiateAuthResponse of(Authenticator.SignIn signIn) {
    return new InitiateAuthResponse(null, null, Map.of(), AuthenticationResultType.of(signIn), null);
  }
}
