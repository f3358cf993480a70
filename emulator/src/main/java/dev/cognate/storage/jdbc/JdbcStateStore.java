package dev.cognate.storage.jdbc;

import dev.cognate.storage.StateStore;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Wipes, dumps and loads the state table by table, as the database describes its tables: a table added by a later
 * migration is covered without a change here. Tables are visited parents first (by their foreign keys). Generated
 * row numbers ({@code seq}) are not carried over as such: a loaded row gets a new one and the rows referring to it
 * follow, so the database's counters never lag behind the rows and no DDL (which would commit midway) is needed.
 */
public final class JdbcStateStore implements StateStore {
  private static final String BOOKKEEPING = "schema_version";

  private final Database database;

  public JdbcStateStore(Database database) {
    this.database = database;
  }

  @Override
  public void wipe() {
    database.transaction(
        c -> {
          deleteAll(c, tables(c));
          return null;
        });
  }

  @Override
  public boolean wipe(String userPoolId) {
    // Everything in a pool hangs off its row by cascading foreign keys.
    return database.transaction(c -> Database.update(c, "DELETE FROM user_pools WHERE id = ?", userPoolId) > 0);
  }

  @Override
  public Snapshot export(boolean withKeys) {
    return database.transaction(
        c -> {
          // By default each statement sees what was committed when it began: users read, then a sign-up commits,
          // then its attributes read would make an export that names users it does not hold. One snapshot for all.
          int isolation = c.getTransactionIsolation();
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          try {
            Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
            for (Table table : tables(c)) {
              if (withKeys || !table.name().equals(KEYS_TABLE)) {
                rows.put(table.name(), rowsOf(c, table));
              }
            }
            return new Snapshot(schemaVersion(c), rows);
          } finally {
            c.setTransactionIsolation(isolation);
          }
        });
  }

  @Override
  public void replace(Snapshot snapshot) {
    database.transaction(
        c -> {
          int current = schemaVersion(c);
          if (snapshot.schemaVersion() > current) {
            throw new IllegalArgumentException(
                "the state was exported with schema version " + snapshot.schemaVersion()
                    + ", newer than this Cognate's (" + current + ")");
          }
          if (snapshot.schemaVersion() < Schema.OLDEST_IMPORTABLE) {
            throw new IllegalArgumentException(
                "the state was exported with schema version " + snapshot.schemaVersion() + ", before version "
                    + Schema.OLDEST_IMPORTABLE + " changed how stored data is laid out; open that Cognate's database"
                    + " with this one and export again");
          }
          List<Table> tables = tables(c);
          Map<String, Table> byName = new HashMap<>();
          tables.forEach(t -> byName.put(t.name(), t));
          for (Map.Entry<String, List<Map<String, Object>>> entry : snapshot.tables().entrySet()) {
            Table table = byName.get(entry.getKey());
            if (table == null) {
              throw new IllegalArgumentException("unknown table " + entry.getKey());
            }
            for (Map<String, Object> row : entry.getValue()) {
              for (String column : row.keySet()) {
                if (!table.columns().containsKey(column)) {
                  throw new IllegalArgumentException("unknown column " + column + " in table " + table.name());
                }
              }
            }
          }
          deleteAll(c, tables);
          // Old row number to new, by "table.column" of each generated column.
          Map<String, Map<Long, Long>> newSeqs = new HashMap<>();
          for (Table table : tables) {
            List<Map<String, Object>> rows = snapshot.tables().getOrDefault(table.name(), List.of());
            for (int i = 0; i < rows.size(); i++) {
              insert(c, table, rows.get(i), i + 1, newSeqs);
            }
          }
          return null;
        });
  }

  /** Empties {@code tables}, given parents first, children first. */
  private static void deleteAll(Connection c, List<Table> tables) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (int i = tables.size() - 1; i >= 0; i--) {
        st.executeUpdate("DELETE FROM " + tables.get(i).name());
      }
    }
  }

  private static void insert(
      Connection c, Table table, Map<String, Object> row, int index, Map<String, Map<Long, Long>> newSeqs)
      throws SQLException {
    List<String> columns = row.keySet().stream().filter(name -> !name.equals(table.identity())).toList();
    String sql =
        "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
            + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
    try (PreparedStatement st =
        table.identity() == null ? c.prepareStatement(sql) : c.prepareStatement(sql, new String[] {table.identity()})) {
      for (int i = 0; i < columns.size(); i++) {
        String column = columns.get(i);
        Object value = row.get(column);
        Reference reference = table.references().get(column);
        Map<Long, Long> renumbering =
            reference == null ? null : newSeqs.get(reference.table() + "." + reference.column());
        if (value != null && renumbering != null) {
          Long renumbered = renumbering.get(number(value, table, index, column));
          if (renumbered == null) {
            throw new IllegalArgumentException(
                "row " + index + " of table " + table.name() + ": " + column + " " + value + " names no row of "
                    + reference.table());
          }
          value = renumbered;
        }
        bind(st, i + 1, table.columns().get(column), value, table, index, column);
      }
      st.executeUpdate();
      if (table.identity() != null) {
        try (ResultSet keys = st.getGeneratedKeys()) {
          keys.next();
          Object old = row.get(table.identity());
          if (old != null) {
            newSeqs.computeIfAbsent(table.name() + "." + table.identity(), t -> new HashMap<>())
                .put(number(old, table, index, table.identity()), keys.getLong(1));
          }
        }
      }
    } catch (SQLException e) {
      if (Database.DEADLOCK.equals(e.getSQLState())) {
        // Not the row's fault: the import runs again (see Engine).
        throw e;
      }
      throw new IllegalArgumentException(
          "row " + index + " of table " + table.name() + " does not fit: " + firstLine(e.getMessage()), e);
    }
  }

  private static void bind(PreparedStatement st, int position, int type, Object value, Table table, int index,
      String column) throws SQLException {
    if (value == null) {
      st.setNull(position, type);
    } else if (binary(type)) {
      if (!(value instanceof String text)) {
        throw new IllegalArgumentException(
            "row " + index + " of table " + table.name() + ": " + column + " must be a base64 string");
      }
      try {
        st.setBytes(position, Base64.getDecoder().decode(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "row " + index + " of table " + table.name() + ": " + column + " is not base64", e);
      }
    } else if (value instanceof Map || value instanceof List) {
      throw new IllegalArgumentException(
          "row " + index + " of table " + table.name() + ": " + column + " must be a string, number or boolean");
    } else {
      st.setObject(position, value);
    }
  }

  private static long number(Object value, Table table, int index, String column) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalArgumentException(
        "row " + index + " of table " + table.name() + ": " + column + " must be a number");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static List<Map<String, Object>> rowsOf(Connection c, Table table) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + table.name() + " ORDER BY " + table.order())) {
      ResultSetMetaData meta = rs.getMetaData();
      int count = meta.getColumnCount();
      String[] columns = new String[count];
      for (int i = 1; i <= count; i++) {
        columns[i - 1] = meta.getColumnName(i).toLowerCase(Locale.ROOT);
      }
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
          String column = columns[i - 1];
          int type = table.columns().get(column);
          Object value;
          if (binary(type)) {
            byte[] bytes = rs.getBytes(i);
            value = bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
          } else if (type == Types.CLOB || type == Types.NCLOB) {
            value = rs.getString(i);
          } else {
            value = rs.getObject(i);
          }
          row.put(column, value);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static boolean binary(int type) {
    return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
  }

  private static int schemaVersion(Connection c) throws SQLException {
    return Database.query(c, "SELECT version FROM " + BOOKKEEPING, rs -> rs.getInt(1)).get(0);
  }

  /** A column pointing at another table's column. */
  private record Reference(String table, String column) {}

  /**
   * A table as the database describes it: columns by lower-case name with their SQL types, the generated one if
   * any, where its foreign keys point, and an order that makes dumps repeatable.
   */
  private record Table(
      String name, Map<String, Integer> columns, String identity, Map<String, Reference> references, String order) {}

  /** Every table but the schema bookkeeping, each after the tables it refers to. */
  private static List<Table> tables(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String schema = c.getSchema();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, schema, null, new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.equals(BOOKKEEPING)) {
          names.add(name);
        }
      }
    }
    names.sort(null);
    Map<String, Table> described = new LinkedHashMap<>();
    for (String name : names) {
      described.put(name, describe(meta, schema, name));
    }
    List<Table> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (ordered.size() < described.size()) {
      int before = ordered.size();
      for (Table table : described.values()) {
        if (!placed.contains(table.name())
            && table.references().values().stream()
                .allMatch(r -> r.table().equals(table.name()) || placed.contains(r.table()))) {
          ordered.add(table);
          placed.add(table.name());
        }
      }
      if (ordered.size() == before) {
        throw new IllegalStateException("the tables' foreign keys form a cycle");
      }
    }
    return ordered;
  }

  private static Table describe(DatabaseMetaData meta, String schema, String name) throws SQLException {
    String stored = name.toUpperCase(Locale.ROOT);
    Map<String, Integer> columns = new LinkedHashMap<>();
    String identity = null;
    try (ResultSet rs = meta.getColumns(null, schema, stored, null)) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
        columns.put(column, rs.getInt("DATA_TYPE"));
        if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
          identity = column;
        }
      }
    }
    Map<String, Reference> references = new HashMap<>();
    try (ResultSet rs = meta.getImportedKeys(null, schema, stored)) {
      while (rs.next()) {
        references.put(
            rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
            new Reference(rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
                rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)));
      }
    }
    Map<Short, String> keyColumns = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(null, schema, stored)) {
      while (rs.next()) {
        keyColumns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    String order = String.join(", ", keyColumns.isEmpty() ? columns.keySet() : keyColumns.values());
    return new Table(name, columns, identity, references, order);
  }
}
