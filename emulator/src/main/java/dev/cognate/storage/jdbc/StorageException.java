package dev.cognate.storage.jdbc;

import java.sql.SQLException;

/** A database failure nobody can act on but to report it as an internal error. */
public final class StorageException extends RuntimeException {
  StorageException(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
