package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.ChallengeSession;
import dev.cognate.domain.User;
import dev.cognate.service.Directory.ClientInPool;
import java.util.Map;

/**
 * Answers one challenge of RespondToAuthChallenge. The session, the client and USERNAME are checked before a
 * handler runs; it checks its own responses and, when the answer completes the step, consumes the session in the
 * transaction of whatever it changes.
 */
public interface ChallengeHandler {
  ChallengeName name();

  SignInStep respond(Answer answer);

  /** An answer to a challenge, for the user the session was issued to as stored when the answer came. */
  record Answer(
      ClientInPool target, User user, ChallengeSession session, Map<String, String> responses, String issuer) {}
}
