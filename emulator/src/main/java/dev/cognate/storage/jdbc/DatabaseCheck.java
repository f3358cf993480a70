package dev.cognate.storage.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * Refuses, before anything is served, a database file that cannot be written or read whole. H2 opens such a file
 * without complaint (a read-only file in read-only mode, a damaged one as long as the pages it reads at open are
 * intact), and the fault would only show later, as a 500 on every write or on reading the damaged rows.
 */
final class DatabaseCheck {
  private static final String FILE_URL = "jdbc:h2:file:";
  private static final Set<Integer> DAMAGE =
      Set.of(
          DataUtils.ERROR_FILE_CORRUPT,
          DataUtils.ERROR_READING_FAILED,
          DataUtils.ERROR_CHUNK_NOT_FOUND,
          DataUtils.ERROR_BLOCK_NOT_FOUND,
          DataUtils.ERROR_UNKNOWN_DATA_TYPE);

  private DatabaseCheck() {}

  /** Checks the file database behind {@code url}; an in-memory database has nothing to check. */
  static void verify(String url) {
    Optional<Path> databaseFile = fileOf(url);
    if (databaseFile.isEmpty()) {
      return;
    }
    String file = databaseFile.get().toString();
    boolean hadData = hasData(databaseFile.get());
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      // With its only chunk destroyed, H2 opens a file as an empty database, and the schema would be created anew.
      if (hadData && !tableNames(c).contains("SCHEMA_VERSION")) {
        throw damaged(file, "its tables", new SQLException("the file holds none of Cognate's tables"));
      }
      requireWritable(c, file);
      readEverything(c, file);
    } catch (SQLException e) {
      if (isDamage(e)) {
        throw damaged(file, "its chunks", e);
      }
      if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
        throw new UnusableDatabaseException(
            "the database file " + file + " is in use by another process (another Cognate?): stop it, or give"
                + " this one another --data folder or --in-memory",
            e);
      }
      throw new StorageException(e);
    }
  }

  /** The file behind an H2 file URL; none for an in-memory database. */
  static Optional<Path> fileOf(String url) {
    if (!url.startsWith(FILE_URL)) {
      return Optional.empty();
    }
    return Optional.of(Path.of(url.substring(FILE_URL.length()).split(";", 2)[0] + ".mv.db"));
  }

  private static boolean hasData(Path file) {
    try {
      return Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** H2 reports a damaged file at open either itself or through the MVStore failure beneath. */
  private static boolean isDamage(SQLException e) {
    if (e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
      return true;
    }
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof MVStoreException store && DAMAGE.contains(store.getErrorCode())) {
        return true;
      }
      // With assertions on (as in tests), H2's page reader asserts on a page it cannot make sense of instead of
      // reporting it corrupt; that too is a damaged file, not a fault of ours.
      if (t instanceof AssertionError && t.getStackTrace().length > 0
          && t.getStackTrace()[0].getClassName().startsWith("org.h2.mvstore.")) {
        return true;
      }
    }
    return false;
  }

  /**
   * H2's own verdict first, then a write that is rolled back: the file is opened read-only when the process may
   * not write it, whatever its permission bits say (an immutable file stays unwritable for root).
   */
  private static void requireWritable(Connection c, String file) throws SQLException {
    boolean readOnly;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT READONLY()")) {
      rs.next();
      readOnly = rs.getBoolean(1);
    }
    SQLException refused = null;
    if (!readOnly && tableNames(c).contains("SCHEMA_VERSION")) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeUpdate("UPDATE schema_version SET version = version");
      } catch (SQLException e) {
        refused = e;
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
    if (readOnly || refused != null) {
      throw new UnusableDatabaseException(
          "the database file " + file + " is read-only: Cognate needs to write it (check its permissions, its"
              + " immutable attribute and whether the file system is mounted read-only)",
          refused);
    }
  }

  /** Reads every row of every table and every entry of every index, so a damaged page shows now, not later. */
  private static void readEverything(Connection c, String file) {
    String reading = "the table list";
    try {
      for (String table : tableNames(c)) {
        reading = "table " + table;
        readAll(c, "SELECT * FROM \"" + table + "\"");
        for (Index index : indexes(c, table)) {
          reading = "index " + index.name() + " of table " + table;
          String columns = String.join(", ", index.columns());
          readAll(
              c,
              "SELECT " + columns + " FROM \"" + table + "\" USE INDEX (\"" + index.name() + "\") ORDER BY "
                  + columns);
        }
      }
    } catch (SQLException | RuntimeException e) {
      throw damaged(file, reading, e);
    }
  }

  private static void readAll(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          // getString reads a large value to its end, wherever H2 keeps it.
          rs.getString(i);
        }
      }
    }
  }

  private static List<String> tableNames(Connection c) throws SQLException {
    return Database.query(
        c,
        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
            + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
        rs -> rs.getString(1));
  }

  private static List<Index> indexes(Connection c, String table) throws SQLException {
    List<String[]> rows =
        Database.query(
            c,
            "SELECT INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? ORDER BY INDEX_NAME, ORDINAL_POSITION",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            table);
    List<Index> indexes = new ArrayList<>();
    for (String[] row : rows) {
      if (indexes.isEmpty() || !indexes.get(indexes.size() - 1).name().equals(row[0])) {
        indexes.add(new Index(row[0], new ArrayList<>()));
      }
      indexes.get(indexes.size() - 1).columns().add("\"" + row[1] + "\"");
    }
    return indexes;
  }

  private static UnusableDatabaseException damaged(String file, String reading, Exception e) {
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    return new UnusableDatabaseException(
        "the database file " + file + " is damaged: reading " + reading + " failed (" + reason + "); restore it"
            + " from a copy or move it away to start empty",
        e);
  }

  private record Index(String name, List<String> columns) {}
}
