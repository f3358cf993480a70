package dev.cognate.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A sign-in waiting for the answer to a challenge: bound to the pool, client and user it was issued for, and
 * usable until {@code expiresAt}. The session string itself is the client's secret; only its hash is stored.
 * {@code state} is what the challenge must remember between issuing and checking the answer (none for
 * NEW_PASSWORD_REQUIRED; an SRP exchange's server secret, say). A decoy, issued where PreventUserExistenceErrors
 * hides that a user does not exist, has no user ({@code userSub} null) and is kept and used up as a real one is, so
 * that answering it twice, late or too often tells nothing.
 */
public record ChallengeSession(
    String sessionHash,
    String userPoolId,
    String clientId,
    String userSub,
    ChallengeName challenge,
    Instant expiresAt,
    Map<String, String> state) {

  public ChallengeSession {
    state = Map.copyOf(state);
  }

  public boolean isDecoy() {
    return userSub == null;
  }
}
