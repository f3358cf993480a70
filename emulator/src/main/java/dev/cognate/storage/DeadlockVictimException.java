package dev.cognate.storage;

/**
 * The database broke a deadlock by rolling back this request's transaction: two writes took the same rows in
 * opposite orders (a pool's deletion cascading through its users and challenge sessions while an answer updates a
 * user and uses up its session, say). Nothing of that transaction was stored, so the request runs again.
 */
public final class DeadlockVictimException extends RuntimeException {
  public DeadlockVictimException(Throwable cause) {
    super("the database rolled this transaction back to break a deadlock", cause);
  }
}
