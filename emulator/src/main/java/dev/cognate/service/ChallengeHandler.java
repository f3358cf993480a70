package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.ChallengeSession;
import dev.cognate.domain.User;
import dev.cognate.error.CognitoException;
import dev.cognate.service.Directory.ClientInPool;
import java.util.Map;
import java.util.Optional;

/**
 * Answers one challenge of RespondToAuthChallenge. The session, the client and USERNAME are checked before a
 * handler runs; it checks its own responses and, when the answer completes the step, consumes the session in the
 * transaction of whatever it changes.
 */
public interface ChallengeHandler {
  ChallengeName name();

  SignInStep respond(Answer answer);

  /**
   * The answer to a decoy this challenge stood for, issued to a user who does not exist: by default what a wrong
   * password gets, which uses the session up; a challenge whose known users' next step would tell them apart answers
   * that step's look-alike.
   */
  default SignInStep respondToDecoy(Decoy decoy, ChallengeSessions sessions) {
    sessions.consume(decoy.session());
    throw CognitoException.notAuthorized(Authenticator.INCORRECT);
  }

  /**
   * The session an answer that came without one carries in its responses, if this challenge's answers carry it
   * (PASSWORD_VERIFIER is answered with its SECRET_BLOCK and no Session, as on Cognito).
   */
  default Optional<String> sessionIn(Map<String, String> responses) {
    return Optional.empty();
  }

  /** An answer to a decoy challenge, from a client that named the user the decoy was issued for. */
  record Decoy(
      ClientInPool target, ChallengeSession session, String username, Map<String, String> responses, String issuer) {}

  /** An answer to a challenge, for the user the session was issued to as stored when the answer came. */
  record Answer(
      ClientInPool target, User user, ChallengeSession session, Map<String, String> responses, String issuer) {}
}
