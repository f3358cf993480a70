package dev.cognate.storage.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2's connection pool, reopened when H2 has closed the database under it. H2 closes a file database for good when
 * a write to the file fails, and every later read would fail too. The file still holds everything committed before,
 * so it is opened again; read-only while its disk is full, because H2 writes to a freshly opened database at its
 * first commit and would close it again, and for writing once the disk has room.
 */
final class ReopeningPool {
  private static final Logger LOG = LoggerFactory.getLogger(ReopeningPool.class);
  /** Free space below which the disk counts as full: H2 writes whole chunks, often several pages at once. */
  private static final long ROOM = 1024 * 1024;
  /** As long as H2's own pool waits for a connection before giving up. */
  private static final int WAIT_SECONDS = 30;

  private final String url;
  private final Optional<Path> file;
  private final int maxConnections;
  private volatile Opened opened;
  // Connections given back are kept open for the next request rather than closed: closing a connection of H2's pool
  // rolls it back, and H2 then parses every statement of that session afresh at its next use (about a third of a
  // sign-in's database time). Each is kept only by the pool it came from and only outside any transaction.
  private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final Map<Connection, Opened> lent = new ConcurrentHashMap<>();
  // H2's pool counts a kept connection as still in use and never hears of its return, so a request waiting there
  // for one would wait out its whole timeout while kept ones sit idle: the waiting is done here instead, one permit
  // per connection lent.
  private final Semaphore permits;

  ReopeningPool(String url, int maxConnections) {
    this.url = url;
    this.file = DatabaseCheck.fileOf(url);
    this.maxConnections = maxConnections;
    this.permits = new Semaphore(maxConnections, true);
    this.opened = new Opened(create(url), false);
  }

  Connection getConnection() throws SQLException {
    try {
      if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new SQLException("no database connection came free within " + WAIT_SECONDS + " s", "08001");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a database connection", "08001", e);
    }
    try {
      return lend();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private Connection lend() throws SQLException {
    Opened current = opened;
    if (current.readOnly() && hasRoom()) {
      current = reopenForWriting(current);
    }
    Connection kept;
    while ((kept = idle.pollFirst()) != null) {
      if (lent.get(kept) == current && kept.isValid(0)) {
        return kept;
      }
      lent.remove(kept);
      closeQuietly(kept);
    }
    try {
      Connection c = current.pool().getConnection();
      if (c.isValid(0)) {
        lent.put(c, current);
        return c;
      }
      c.close();
    } catch (SQLException e) {
      // An in-memory database that is gone is gone: opening it again would start empty.
      if (file.isEmpty()
          || (e.getErrorCode() != ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
              && e.getErrorCode() != ErrorCode.DATABASE_IS_CLOSED)) {
        throw e;
      }
    }
    if (file.isEmpty()) {
      throw new SQLException("The in-memory database has been closed");
    }
    Opened reopened = reopenAfterFailedWrite(current);
    Connection c = reopened.pool().getConnection();
    lent.put(c, reopened);
    return c;
  }

  /** Takes back a connection from {@link #getConnection}, in auto-commit mode unless its work failed midway. */
  void release(Connection c) {
    try {
      keepOrClose(c);
    } finally {
      permits.release();
    }
  }

  private void keepOrClose(Connection c) {
    try {
      if (lent.get(c) == opened && !c.isClosed() && c.getAutoCommit()) {
        idle.offerFirst(c);
        return;
      }
    } catch (SQLException e) {
      // Its state is unknown: it is closed below, which rolls back whatever it held.
    }
    lent.remove(c);
    closeQuietly(c);
  }

  void dispose() {
    closeIdle();
    opened.pool().dispose();
  }

  /**
   * Closes the kept connections, before their pool is disposed of: the pool closes only what it holds, and an open
   * session would keep its database open (and a read-only one read-only).
   */
  private void closeIdle() {
    Connection kept;
    while ((kept = idle.pollFirst()) != null) {
      lent.remove(kept);
      closeQuietly(kept);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // A connection of a database H2 closed fails to close too; there is nothing left to release.
    }
  }

  private synchronized Opened reopenAfterFailedWrite(Opened closed) {
    if (opened != closed) {
      return opened;
    }
    closeIdle();
    closed.pool().dispose();
    boolean full = !hasRoom();
    opened = new Opened(create(full ? url + ";ACCESS_MODE_DATA=r" : url), full);
    LOG.warn(
        "H2 closed the database{} after a write to it failed; reopened it as last saved{}",
        file.map(f -> " file " + f).orElse(""),
        full
            ? ", read-only while its disk is full (" + usableSpace() + " bytes free): reads go on, writes fail"
                + " until there is room"
            : "");
    return opened;
  }

  private synchronized Opened reopenForWriting(Opened readOnly) {
    if (opened != readOnly) {
      return opened;
    }
    closeIdle();
    readOnly.pool().dispose();
    JdbcConnectionPool writable = create(url);
    // A read still running on the read-only database keeps it open, and H2 would hand that one out again.
    boolean stillReadOnly;
    try (Connection c = writable.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT READONLY()")) {
      rs.next();
      stillReadOnly = rs.getBoolean(1);
    } catch (SQLException e) {
      stillReadOnly = true;
    }
    opened = new Opened(writable, stillReadOnly);
    if (!stillReadOnly) {
      LOG.info(
          "The disk holding the database{} has room again ({} bytes free); reopened it for writing",
          file.map(f -> " file " + f).orElse(""),
          usableSpace());
    }
    return opened;
  }

  private JdbcConnectionPool create(String jdbcUrl) {
    JdbcConnectionPool created = JdbcConnectionPool.create(jdbcUrl, "sa", "");
    created.setMaxConnections(maxConnections);
    return created;
  }

  private boolean hasRoom() {
    return file.isEmpty() || usableSpace() >= ROOM;
  }

  private long usableSpace() {
    try {
      return Files.getFileStore(file.get()).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private record Opened(JdbcConnectionPool pool, boolean readOnly) {}
}
