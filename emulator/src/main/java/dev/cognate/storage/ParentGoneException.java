package dev.cognate.storage;

/**
 * A request refers to a row (a pool, most often) that a concurrent request deleted after it was read: the database
 * refused its write, or a read found the row's children gone with it. Nothing of the request was stored, so running
 * it again answers what it would have answered had it come second.
 */
public final class ParentGoneException extends RuntimeException {
  public ParentGoneException(Throwable cause) {
    super("a row this request refers to was deleted meanwhile", cause);
  }

  public ParentGoneException() {
    this(null);
  }
}
