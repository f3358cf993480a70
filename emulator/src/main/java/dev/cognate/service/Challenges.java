package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.ChallengeSession;
import dev.cognate.domain.User;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.storage.UserStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * RespondToAuthChallenge and AdminRespondToAuthChallenge: checks what every challenge answer shares (USERNAME, the
 * session, SECRET_HASH), then hands the answer to the one handler registered for its challenge.
 */
public final class Challenges {
  private final ChallengeSessions sessions;
  private final Users users;
  private final UserStore userStore;
  private final Map<ChallengeName, ChallengeHandler> handlers = new EnumMap<>(ChallengeName.class);

  public Challenges(ChallengeSessions sessions, Users users, UserStore userStore, List<ChallengeHandler> handlers) {
    this.sessions = sessions;
    this.users = users;
    this.userStore = userStore;
    handlers.forEach(h -> this.handlers.put(h.name(), h));
  }

  public SignInStep respond(
      ClientInPool target, ChallengeName name, String session, Map<String, String> responses, String issuer) {
    ChallengeHandler handler = handlers.get(name);
    if (handler == null) {
      throw new CognitoException(
          CognitoErrorType.UNSUPPORTED_OPERATION, "Cognate does not emulate the " + name + " challenge yet.");
    }
    Map<String, String> answers = responses == null ? Map.of() : responses;
    String username = AuthFlows.required(answers, "USERNAME");
    String given =
        session != null
            ? session
            : handler
                .sessionIn(answers)
                .orElseThrow(() -> CognitoException.invalidParameter("Missing required parameter Session"));
    ChallengeSession waiting = sessions.open(target, name, given);
    // A decoy stood in for a user who does not exist; its handler answers as for a user who does.
    if (waiting.isDecoy()) {
      if (!sessions.decoyFor(target, waiting, username)) {
        throw ChallengeSessions.invalid();
      }
      SecretHash.verify(target.client(), username, answers.get("SECRET_HASH"));
      // What follows is issued for the name the sign-in started with, as a known user's is for that user, whichever of
      // the names the decoy accepts the answer gave.
      return handler.respondToDecoy(
          new ChallengeHandler.Decoy(target, waiting, ChallengeSessions.issuedFor(waiting), answers, issuer),
          sessions);
    }
    User user =
        userStore.findBySub(waiting.userPoolId(), waiting.userSub()).orElseThrow(ChallengeSessions::invalid);
    // USERNAME may be any of the user's sign-in names; it must name the user the session was issued to.
    boolean sameUser =
        users.find(target.pool(), username).map(u -> u.sub().equals(user.sub())).orElse(false);
    if (!sameUser) {
      throw ChallengeSessions.invalid();
    }
    SecretHash.verify(target.client(), username, answers.get("SECRET_HASH"));
    if (!user.enabled()) {
      throw CognitoException.notAuthorized("User is disabled.");
    }
    return handler.respond(new ChallengeHandler.Answer(target, user, waiting, answers, issuer));
  }
}
