package dev.cognate.storage;

import dev.cognate.domain.ChallengeSession;
import java.time.Instant;
import java.util.Optional;

/** Sign-ins waiting for a challenge answer. */
public interface ChallengeStore {
  void insert(ChallengeSession session);

  Optional<ChallengeSession> find(String sessionHash);

  /**
   * Deletes the session; true only for the one caller whose delete removed it, so a session completes a sign-in at
   * most once even when answered twice at the same moment.
   */
  boolean consume(String sessionHash);

  /** Forgets sessions that expired before {@code before}; they could only ever be refused. */
  void purgeExpired(Instant before);

  /** Counts one wrong answer to the session, and deletes the session once it has had {@code limit} of them. */
  void countWrongAnswer(String sessionHash, int limit);
}
