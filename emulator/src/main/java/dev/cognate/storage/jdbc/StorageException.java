package dev.cognate.storage.jdbc;

import java.sql.SQLException;

/**
 * A database failure nobody can act on but to report it as an internal error. It is logged whole, so a lock timeout
 * keeps only the first part of its message (the table) and where it happened, not its causes: H2 quotes the whole
 * locked row in them, password hashes, SRP verifiers and TOTP secrets with it.
 */
public final class StorageException extends RuntimeException {
  // H2's state for a lock timeout.
  private static final String LOCK_TIMEOUT = "HYT00";

  StorageException(SQLException cause) {
    super(messageOf(cause), isLockTimeout(cause) ? null : cause);
    if (isLockTimeout(cause)) {
      setStackTrace(cause.getStackTrace());
    }
  }

  private static boolean isLockTimeout(SQLException cause) {
    return LOCK_TIMEOUT.equals(cause.getSQLState());
  }

  private static String messageOf(SQLException cause) {
    if (!isLockTimeout(cause)) {
      return cause.getMessage();
    }
    String message = String.valueOf(cause.getMessage());
    int end = message.indexOf(';');
    return LOCK_TIMEOUT + " " + (end < 0 ? "lock timeout" : message.substring(0, end));
  }
}
