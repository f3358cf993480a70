package dev.cognate.storage.jdbc;

import dev.cognate.storage.DeadlockVictimException;
import dev.cognate.storage.ParentGoneException;
import dev.cognate.storage.Transactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one H2 database and connection pool of an emulator, with its schema brought up to date at open. Work started
 * while this thread is inside {@link #inOne} joins that transaction.
 */
public final class Database implements AutoCloseable, Transactions {
  private static final int MAX_CONNECTIONS = 16;
  // H2's SQL states for a foreign key whose parent row is missing, as when a pool was deleted meanwhile.
  private static final String PARENT_MISSING = "23506";
  static final String DEADLOCK = "40001";

  private final ReopeningPool pool;
  private final ThreadLocal<Connection> joined = new ThreadLocal<>();
  private final String url;

  private Database(String url) {
    this.url = url;
    DatabaseCheck.verify(url);
    this.pool = new ReopeningPool(url, MAX_CONNECTIONS);
    migrate();
  }

  /**
   * Opens the file database in {@code dataDir}, or a private in-memory one. WRITE_DELAY=0 makes H2 write each
   * commit to the file before the commit returns (its default batches them for 500 ms), so an acknowledged
   * request survives a killed process. MAX_COMPACT_TIME=0 spares the close H2's 200 ms of moving chunks to shrink
   * the file (its free space is reused anyway), a step whose own consistency check fails now and then here.
   */
  public static Database open(Optional<Path> dataDir) {
    dataDir
        .filter(dir -> Files.exists(dir) && !Files.isDirectory(dir))
        .ifPresent(
            dir -> {
              throw new UnusableDatabaseException(
                  "the data folder " + dir.toAbsolutePath() + " is a file, not a folder: give --data a folder (one"
                      + " that does not exist yet is created)",
                  null);
            });
    String url =
        dataDir
            .map(dir -> "jdbc:h2:file:" + dir.toAbsolutePath().resolve("cognate") + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0")
            .orElseGet(() -> "jdbc:h2:mem:cognate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return new Database(url + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64");
  }

  /** Work on one connection in auto-commit mode, or inside the transaction this thread is in. */
  public <T> T read(SqlWork<T> work) {
    Connection current = joined.get();
    if (current != null) {
      return inJoined(current, work);
    }
    try {
      Connection c = pool.getConnection();
      try {
        return work.run(c);
      } finally {
        pool.release(c);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Work on one connection as a single transaction, or as part of the one this thread is in. */
  public <T> T transaction(SqlWork<T> work) {
    Connection current = joined.get();
    if (current != null) {
      return inJoined(current, work);
    }
    try {
      Connection c = pool.getConnection();
      try {
        c.setAutoCommit(false);
        joined.set(c);
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        // An Error too: turning auto-commit back on below would otherwise commit the half-done work.
        c.rollback();
        throw e;
      } finally {
        joined.remove();
        restoreAutoCommit(c);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Back to auto-commit and back to the pool; a connection that cannot be is closed there instead of kept. */
  private void restoreAutoCommit(Connection c) throws SQLException {
    try {
      c.setAutoCommit(true);
    } finally {
      pool.release(c);
    }
  }

  @Override
  public <T> T inOne(Supplier<T> work) {
    return transaction(c -> work.get());
  }

  private static <T> T inJoined(Connection c, SqlWork<T> work) {
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static RuntimeException failure(SQLException e) {
    if (PARENT_MISSING.equals(e.getSQLState())) {
      return new ParentGoneException(e);
    }
    return DEADLOCK.equals(e.getSQLState()) ? new DeadlockVictimException(e) : new StorageException(e);
  }

  public int update(String sql, Object... params) {
    return read(c -> update(c, sql, params));
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement st = prepare(c, sql, params)) {
      return st.executeUpdate();
    }
  }

  static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      st.setObject(i + 1, params[i]);
    }
    return st;
  }

  /** Maps each row of a query; the statement and result set are closed here. */
  static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
    try (PreparedStatement st = prepare(c, sql, params);
        ResultSet rs = st.executeQuery()) {
      java.util.ArrayList<T> rows = new java.util.ArrayList<>();
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
      return rows;
    }
  }

  /**
   * Brings the schema up to date one migration at a time, recording each as it completes. H2 commits every DDL
   * statement on its own, so a start cut off midway leaves a migration half applied: each is idempotent and simply
   * runs again on the next start.
   */
  private void migrate() {
    int current =
        transaction(
            c -> {
              try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
              }
              List<Integer> versions = query(c, "SELECT version FROM schema_version", rs -> rs.getInt(1));
              if (versions.isEmpty()) {
                update(c, "INSERT INTO schema_version (version) VALUES (0)");
                return 0;
              }
              return versions.get(0);
            });
    List<String> migrations = Schema.MIGRATIONS;
    if (current > migrations.size()) {
      throw new IllegalStateException(
          "the database has schema version " + current + ", newer than this Cognate knows (" + migrations.size()
              + ")");
    }
    for (int v = current; v < migrations.size(); v++) {
      String migration = migrations.get(v);
      int reached = v + 1;
      transaction(
          c -> {
            try (Statement st = c.createStatement()) {
              for (String statement : migration.split(";")) {
                if (!statement.isBlank()) {
                  st.execute(statement);
                }
              }
            }
            update(c, "UPDATE schema_version SET version = ?", reached);
            return null;
          });
    }
  }


  @Override
  public void close() {
    // The pool's idle connections go first: a SHUTDOWN while the pool held them would make their closing fail, and
    // H2 write that to a trace file beside the data. The SHUTDOWN then ends the database even while a request cut
    // off by the stopping server still holds a connection, so the file is free when close returns.
    pool.dispose();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement st = c.createStatement()) {
      st.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new StorageException(e);
    }
  }

  /** A unit of JDBC work. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Maps the current row. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
