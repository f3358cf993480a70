package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import java.util.Map;

/**
 * What a step of a sign-in answers: tokens ({@link Authenticator.SignIn}), or a challenge the client must answer
 * with the session it carries before the sign-in goes on.
 */
public sealed interface SignInStep permits Authenticator.SignIn, SignInStep.Challenge {

  /** A challenge to answer through RespondToAuthChallenge, with its parameters as Cognito sends them. */
  record Challenge(ChallengeName name, String session, Map<String, String> parameters) implements SignInStep {}
}
