package dev.cognate.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.User;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user waiting with the single pending code of schema 6 keeps it as their sign-up code, also when the migration
 * that moves it runs twice (a start cut off after it, before its version was recorded).
 */
class PendingCodeMigrationTest {
  private static final int BEFORE_CODES_TABLE = 6;
  private static final String SUB = "00000000-0000-0000-0000-00000000000a";

  @Test
  void pendingCodeBecomesTheSignUpCode(@TempDir Path dir) throws SQLException {
    databaseAtSchema6WithPendingCode(dir);
    assertSignUpCodeKept(dir);
  }

  @Test
  void movingTheCodeTwiceKeepsOneCode(@TempDir Path dir) throws SQLException {
    databaseAtSchema6WithPendingCode(dir);
    try (Connection c = DriverManager.getConnection(url(dir), "sa", "");
        Statement st = c.createStatement()) {
      for (String statement : Schema.MIGRATIONS.get(BEFORE_CODES_TABLE).split(";")) {
        st.execute(statement);
      }
      // The recorded version stays at 6, as after a start cut off before recording migration 7.
      st.execute(
          "UPDATE users SET pending_code = '123456', pending_code_expires_at = 1893456000000 WHERE sub = '" + SUB
              + "'");
    }
    assertSignUpCodeKept(dir);
  }

  private static void assertSignUpCodeKept(Path dir) {
    try (Database db = Database.open(Optional.of(dir))) {
      User user = new JdbcUserStore(db).findBySub("us-east-1_old", SUB).orElseThrow();
      assertEquals(
          List.of(
              new User.PendingCode(
                  CodePurpose.SIGN_UP, "", "123456", Instant.ofEpochMilli(1_893_456_000_000L), 0)),
          user.codes());
      assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), user.passwordSetAt());
      assertEquals(User.Lockout.NONE, user.lockout());
    }
  }

  private static void databaseAtSchema6WithPendingCode(Path dir) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(dir), "sa", "");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE schema_version (version INT NOT NULL)");
      for (String migration : Schema.MIGRATIONS.subList(0, BEFORE_CODES_TABLE)) {
        for (String statement : migration.split(";")) {
          st.execute(statement);
        }
      }
      st.execute("INSERT INTO schema_version (version) VALUES (" + BEFORE_CODES_TABLE + ")");
      st.execute("INSERT INTO user_pools (id, settings) VALUES ('us-east-1_old', '{}')");
      st.execute(
          "INSERT INTO users (pool_id, username, username_key, sub, status, enabled, created_at, modified_at,"
              + " pending_code, pending_code_expires_at) VALUES ('us-east-1_old', 'old', 'old', '" + SUB
              + "', 'UNCONFIRMED', TRUE, 1700000000000, 1700000000000, '123456', 1893456000000)");
    }
  }

  private static String url(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("cognate");
  }
}
