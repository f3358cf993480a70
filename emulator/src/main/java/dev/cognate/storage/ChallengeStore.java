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

  /**
   * Takes one of the {@code limit} answers the session may have judged; false when all are taken or the session is
   * not there. The database counts, so of many answers at once no more than {@code limit} get a true.
   */
  boolean claimAnswer(String sessionHash, int limit);
}
