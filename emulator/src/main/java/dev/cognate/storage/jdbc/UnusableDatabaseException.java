package dev.cognate.storage.jdbc;

/** The database cannot be written or read whole, so the emulator must not start on it; the message says why. */
public final class UnusableDatabaseException extends RuntimeException {
  UnusableDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
