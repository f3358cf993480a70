package dev.cognate.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * H2's lock timeout quotes the row it waited for (password hash, SRP verifier, TOTP secret); a StorageException is
 * logged whole when it becomes InternalErrorException, so none of that may be in it or its causes.
 */
class StorageExceptionTest {
  @Test
  void aLockTimeoutKeepsTheTableButNotTheRowItWaitedFor() {
    SQLException timeout =
        new SQLException(
            "Timeout trying to lock table \"USERS\"; SQL statement:\nUPDATE users SET version = ? [50200-240]",
            "HYT00",
            50200,
            new IllegalStateException(
                "Map entry <table.60> with key <1> and value ('$2a$04$hash-of-the-password', 'verifier-hex') is"
                    + " locked by tx 1"));
    String logged = chain(new StorageException(timeout));
    assertFalse(logged.contains("hash-of-the-password") || logged.contains("verifier-hex"), logged);
    assertTrue(logged.contains("Timeout trying to lock table \"USERS\""), logged);
  }

  @Test
  void otherFailuresKeepTheirCauseForTheUniqueKeyCheck() {
    SQLException unique = new SQLException("Unique index or primary key violation: \"UK_USERS_NAME\"", "23505");
    assertTrue(UniqueKeys.violated(new StorageException(unique), "uk_users_name"));
  }

  /** What a logger prints of an exception: each message down its chain of causes. */
  private static String chain(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
