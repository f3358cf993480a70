package dev.cognate.operation.wire;

import dev.cognate.service.Authenticator;
import dev.cognate.service.SignInStep;
import java.util.List;
import java.util.Map;

/**
 * The answer of InitiateAuth, AdminInitiateAuth and both RespondToAuthChallenge operations: a finished sign-in has
 * tokens, no challenge and empty parameters; a challenge has its name, session and parameters and no tokens.
 */
public record InitiateAuthResponse(
    String ChallengeName,
    String Session,
    Map<String, String> ChallengeParameters,
    AuthenticationResultType AuthenticationResult,
    List<String> AvailableChallenges) {

  public static InitiateAuthResponse of(SignInStep step) {
    if (step instanceof SignInStep.Challenge challenge) {
      return new InitiateAuthResponse(
          challenge.name().name(),
          challenge.session(),
          challenge.parameters(),
          null,
          challenge.available().isEmpty() ? null : challenge.available().stream().map(Enum::name).toList());
    }
    Authenticator.SignIn signIn = (Authenticator.SignIn) step;
    return new InitiateAuthResponse(null, null, Map.of(), AuthenticationResultType.of(signIn), null);
  }
}
