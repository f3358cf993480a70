package dev.cognate.storage.jdbc;

import java.sql.SQLException;
import java.util.Locale;

/** Tells which unique key refused a write, from H2's error (its index names start with the constraint name). */
final class UniqueKeys {
  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueKeys() {}

  static boolean violated(StorageException e, String constraint) {
    return e.getCause() instanceof SQLException sql
        && UNIQUE_VIOLATION.equals(sql.getSQLState())
        && sql.getMessage().toUpperCase(Locale.ROOT).contains(constraint.toUpperCase(Locale.ROOT));
  }
}
