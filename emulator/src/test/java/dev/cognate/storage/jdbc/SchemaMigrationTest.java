package dev.cognate.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database made by the first released schema opens, keeps its rows and gets the widened text columns. */
class SchemaMigrationTest {
  private static final String EMOJI = "\uD83D\uDE00";

  @Test
  void firstSchemaIsWidenedWithItsRowsKept(@TempDir Path dir) throws SQLException {
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("cognate");
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE schema_version (version INT NOT NULL)");
      for (String statement : Schema.MIGRATIONS.get(0).split(";")) {
        st.execute(statement);
      }
      st.execute("INSERT INTO schema_version (version) VALUES (1)");
      st.execute("INSERT INTO user_pools (id, settings) VALUES ('us-east-1_old', '{}')");
      st.execute(
          "INSERT INTO users (pool_id, username, username_key, sub, status, enabled, created_at, modified_at)"
              + " VALUES ('us-east-1_old', 'Old', 'old', '00000000-0000-0000-0000-000000000000', 'CONFIRMED',"
              + " TRUE, 0, 0)");
    }

    try (Database db = Database.open(Optional.of(dir))) {
      Map<String, Integer> widths =
          db.read(
              c -> {
                Map<String, Integer> found = new LinkedHashMap<>();
                try (Statement st = c.createStatement();
                    ResultSet rs =
                        st.executeQuery(
                            "SELECT table_name, column_name, character_maximum_length"
                                + " FROM information_schema.columns WHERE table_schema = 'PUBLIC'"
                                + " AND data_type = 'CHARACTER VARYING' ORDER BY table_name, column_name")) {
                  while (rs.next()) {
                    String column = rs.getString(1) + "." + rs.getString(2);
                    found.put(column.toLowerCase(Locale.ROOT), rs.getInt(3));
                  }
                }
                return found;
              });
      assertEquals(256, widths.get("users.username"));
      assertEquals(512, widths.get("users.username_key"));
      assertEquals(8192, widths.get("users.alias_key"));
      assertEquals(4096, widths.get("user_attributes.attr_value"));
      assertEquals(64, widths.get("user_attributes.name"));
      assertEquals(256, widths.get("sent_codes.username"));
      assertEquals(4096, widths.get("sent_codes.sign_in_email"));
      assertEquals(4096, widths.get("sent_codes.destination"));

      assertEquals(
          "Old",
          db.read(c -> Database.query(c, "SELECT username FROM users", rs -> rs.getString(1)).get(0)));
      db.update(
          "INSERT INTO users (pool_id, username, username_key, sub, status, enabled, created_at, modified_at)"
              + " VALUES ('us-east-1_old', ?, ?, '00000000-0000-0000-0000-000000000001', 'CONFIRMED', TRUE, 0, 0)",
          EMOJI.repeat(128),
          "\u0130".repeat(128).toLowerCase(Locale.ROOT).repeat(2));
      int version = db.read(c -> Database.query(c, "SELECT version FROM schema_version", rs -> rs.getInt(1)).get(0));
      assertEquals(Schema.MIGRATIONS.size(), version);
    }
  }
}
