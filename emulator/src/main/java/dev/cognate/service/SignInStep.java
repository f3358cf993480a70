package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import java.util.List;
import java.util.Map;

/**
 * What a step of a sign-in answers: tokens ({@link Authenticator.SignIn}), or a challenge the client must answer
 * with the session it carries before the sign-in goes on.
 */
public sealed interface SignInStep permits Authenticator.SignIn, SignInStep.Challenge {

  /**
   * A challenge to answer through RespondToAuthChallenge, with its parameters as Cognito sends them; a choice-based
   * sign-in's SELECT_CHALLENGE also lists the challenges the user may choose from ({@code AvailableChallenges}).
   */
  record Challenge(ChallengeName name, String session, Map<String, String> parameters, List<ChallengeName> available)
      implements SignInStep {
    public Challenge(ChallengeName name, String session, Map<String, String> parameters) {
      this(name, session, parameters, List.of());
    }

    public Challenge withAvailable(List<ChallengeName> choices) {
      return new Challenge(name, session, parameters, List.copyOf(choices));
    }
  }
}
