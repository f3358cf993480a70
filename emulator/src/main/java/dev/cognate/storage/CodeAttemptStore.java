package dev.cognate.storage;

import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.User;
import java.time.Instant;

/**
 * Attempts at typing in a code, or at giving the previous password to ChangePassword, kept only as long as they count
 * towards a limit per user and hour.
 */
public interface CodeAttemptStore {
  /**
   * Records an attempt by {@code user} at a code of {@code purpose} made {@code at}, forgets the user's attempts from
   * before {@code since}, and returns how many attempts of that purpose remain, this one included. Meant to run in
   * the transaction that changes the user: the lock on the user's row then orders one user's attempts, so that
   * concurrent ones are counted one after the other.
   */
  int record(User user, CodePurpose purpose, Instant at, Instant since);

  /** As {@link #record}, for a ChangePassword attempt; these are counted apart from attempts at codes. */
  int recordPasswordChange(User user, Instant at, Instant since);
}
