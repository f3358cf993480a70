package dev.cognate.storage.jdbc;

import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SrpVerifier;
import dev.cognate.domain.User;
import dev.cognate.domain.UserFilter;
import dev.cognate.domain.UserMfa;
import dev.cognate.domain.UserStatus;
import dev.cognate.storage.Page;
import dev.cognate.storage.UserStore;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Users in H2: one row per user, one row per attribute so that ListUsers filters run in SQL. */
public final class JdbcUserStore implements UserStore {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS =
      "u.seq, u.pool_id, u.username, u.sub, u.status, u.enabled, u.password_hash, u.created_at, u.modified_at,"
          + " u.password_set_at, u.failed_sign_ins, u.version, u.locked_until, (SELECT LISTAGG(c.purpose || CHAR(31)"
          + " || c.attribute || CHAR(31) || c.code || CHAR(31) || c.expires_at || CHAR(31) || c.failed_attempts"
          + " || CHAR(31) || c.pending_value, CHAR(30)) WITHIN GROUP (ORDER BY c.purpose, c.attribute)"
          + " FROM user_codes c WHERE c.user_seq = u.seq), u.srp_salt, u.srp_verifier, u.mfa";
  // Where the attribute columns of WITH_ATTRIBUTES start, right after COLUMNS.
  private static final int ATTRIBUTE_NAME_COLUMN = 18;
  private static final String FIELD = String.valueOf((char) 31);
  private static final String RECORD = String.valueOf((char) 30);
  // A user and its attributes come from one statement, so a concurrent change or delete is seen whole or not at all.
  private static final String WITH_ATTRIBUTES = ", a.name, a.attr_value FROM %s u"
      + " LEFT JOIN user_attributes a ON a.user_seq = u.seq";

  private final Database db;

  public JdbcUserStore(Database db) {
    this.db = db;
  }

  @Override
  public Insert insert(User user, String usernameKey, Optional<String> aliasKey, Optional<String> phoneKey) {
    try {
      return db.transaction(
          c -> {
            long seq;
            try (PreparedStatement st =
                c.prepareStatement(
                    "INSERT INTO users (pool_id, username, username_key, alias_key, sub, status, enabled,"
                        + " password_hash, created_at, modified_at, password_set_at, failed_sign_ins, locked_until,"
                        + " phone_key, srp_salt, srp_verifier, mfa)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
              st.setString(1, user.userPoolId());
              st.setString(2, user.username());
              st.setString(3, usernameKey);
              st.setString(4, aliasKey.orElse(null));
              st.setString(5, user.sub());
              st.setString(6, user.status().name());
              st.setBoolean(7, user.enabled());
              st.setString(8, user.passwordHash());
              st.setLong(9, user.createdAt().toEpochMilli());
              st.setLong(10, user.modifiedAt().toEpochMilli());
              bindPasswordAndLockout(st, 11, user);
              st.setString(14, phoneKey.orElse(null));
              bindSrpVerifier(st, 15, user);
              st.setString(17, mfaJson(user));
              st.executeUpdate();
              try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                seq = keys.getLong(1);
              }
            }
            insertAttributes(c, seq, user.attributes());
            insertCodes(c, seq, user.codes());
            return Insert.INSERTED;
          });
    } catch (StorageException e) {
      if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        String message = sql.getMessage().toUpperCase(Locale.ROOT);
        if (message.contains("USERS_ALIAS_UQ")) {
          return Insert.ALIAS_TAKEN;
        }
        if (message.contains("USERS_PHONE_UQ")) {
          return Insert.PHONE_TAKEN;
        }
        if (message.contains("USERS_USERNAME_UQ")) {
          return Insert.USERNAME_TAKEN;
        }
      }
      throw e;
    }
  }

  @Override
  public Optional<User> findByUsername(String userPoolId, String usernameKey) {
    return findOne("u.pool_id = ? AND u.username_key = ?", userPoolId, usernameKey);
  }

  @Override
  public Optional<User> findByAlias(String userPoolId, String aliasKey) {
    return findOne("u.pool_id = ? AND u.alias_key = ?", userPoolId, aliasKey);
  }

  @Override
  public Optional<User> findByPhone(String userPoolId, String phoneKey) {
    return findOne("u.pool_id = ? AND u.phone_key = ?", userPoolId, phoneKey);
  }

  @Override
  public Optional<User> findBySub(String userPoolId, String sub) {
    return findOne("u.pool_id = ? AND u.sub = ?", userPoolId, sub);
  }

  private Optional<User> findOne(String where, Object... params) {
    return db.read(
        c -> {
          String sql =
              "SELECT " + COLUMNS + WITH_ATTRIBUTES.formatted("users") + " WHERE " + where + " ORDER BY a.position";
          return users(c, sql, params).stream().findFirst();
        });
  }

  @Override
  public boolean replace(User current, User changed) {
    return replaceRow(current, changed, Optional.empty()) == Replace.REPLACED;
  }

  @Override
  public Replace replace(User current, User changed, SignInKeys keys) {
    try {
      return replaceRow(current, changed, Optional.of(keys));
    } catch (StorageException e) {
      if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        String message = sql.getMessage().toUpperCase(Locale.ROOT);
        if (message.contains("USERS_ALIAS_UQ")) {
          return Replace.ALIAS_TAKEN;
        }
        if (message.contains("USERS_PHONE_UQ")) {
          return Replace.PHONE_TAKEN;
        }
      }
      throw e;
    }
  }

  private Replace replaceRow(User current, User changed, Optional<SignInKeys> keys) {
    return db.transaction(
        c -> {
          int updated;
          String setKeys = keys.isPresent() ? ", alias_key = ?, phone_key = ?" : "";
          try (PreparedStatement st =
              c.prepareStatement(
                  "UPDATE users SET status = ?, enabled = ?, password_hash = ?, modified_at = ?,"
                      + " password_set_at = ?, failed_sign_ins = ?, locked_until = ?, srp_salt = ?, srp_verifier = ?,"
                      + " mfa = ?,"
                      + " version = version + 1"
                      + setKeys
                      + " WHERE pool_id = ? AND sub = ? AND version = ?")) {
            st.setString(1, changed.status().name());
            st.setBoolean(2, changed.enabled());
            st.setString(3, changed.passwordHash());
            st.setLong(4, changed.modifiedAt().toEpochMilli());
            bindPasswordAndLockout(st, 5, changed);
            bindSrpVerifier(st, 8, changed);
            st.setString(10, mfaJson(changed));
            int next = 11;
            if (keys.isPresent()) {
              st.setString(next++, keys.get().alias().orElse(null));
              st.setString(next++, keys.get().phone().orElse(null));
            }
            st.setString(next++, current.userPoolId());
            st.setString(next++, current.sub());
            st.setLong(next, current.version());
            updated = st.executeUpdate();
          }
          if (updated == 0) {
            return Replace.STALE;
          }
          long seq =
              Database.query(
                      c,
                      "SELECT seq FROM users WHERE pool_id = ? AND sub = ?",
                      rs -> rs.getLong(1),
                      current.userPoolId(),
                      current.sub())
                  .get(0);
          if (!changed.attributes().equals(current.attributes())) {
            Database.update(c, "DELETE FROM user_attributes WHERE user_seq = ?", seq);
            insertAttributes(c, seq, changed.attributes());
          }
          if (!changed.codes().equals(current.codes())) {
            Database.update(c, "DELETE FROM user_codes WHERE user_seq = ?", seq);
            insertCodes(c, seq, changed.codes());
          }
          return Replace.REPLACED;
        });
  }

  @Override
  public boolean delete(String userPoolId, String sub) {
    return db.update("DELETE FROM users WHERE pool_id = ? AND sub = ?", userPoolId, sub) > 0;
  }

  @Override
  public int count(String userPoolId) {
    return db.read(
        c -> Database.query(c, "SELECT COUNT(*) FROM users WHERE pool_id = ?", rs -> rs.getInt(1), userPoolId).get(0));
  }

  @Override
  public Page<User> list(String userPoolId, Optional<UserFilter> filter, long after, int limit) {
    StringBuilder page = new StringBuilder("SELECT * FROM users u WHERE u.pool_id = ? AND u.seq > ?");
    List<Object> params = new ArrayList<>(List.of(userPoolId, after));
    filter.ifPresent(f -> where(f, page, params));
    page.append(" ORDER BY u.seq LIMIT ?");
    params.add(limit + 1);
    String sql =
        "SELECT " + COLUMNS + WITH_ATTRIBUTES.formatted("(" + page + ")") + " ORDER BY u.seq, a.position";
    return db.read(
        c -> {
          record Item(long seq, User user) {}
          List<Item> items = new ArrayList<>();
          try (PreparedStatement st = Database.prepare(c, sql, params.toArray());
              ResultSet rs = st.executeQuery()) {
            for (Grouped group : grouped(rs)) {
              items.add(new Item(group.row.seq, group.user()));
            }
          }
          return Pages.of(items, limit, Item::seq, Item::user);
        });
  }

  private static void where(UserFilter filter, StringBuilder sql, List<Object> params) {
    String op = filter.prefix() ? " LIKE ? ESCAPE '\\'" : " = ?";
    Object value = filter.prefix() ? likePrefix(filter.value()) : filter.value();
    switch (filter.attribute()) {
      case "username" -> sql.append(" AND u.username").append(op);
      case "sub" -> sql.append(" AND u.sub").append(op);
      case "cognito:user_status" -> {
        // Cognito matches the status case-insensitively.
        sql.append(" AND u.status").append(op);
        value = filter.prefix() ? likePrefix(filter.value().toUpperCase(Locale.ROOT)) : filter.value().toUpperCase(Locale.ROOT);
      }
      case "status" -> {
        // "Enabled" or "Disabled": a prefix can match both, one or neither; a NULL in IN matches nothing.
        sql.append(" AND u.enabled IN (?, ?)");
        params.add(matches("Enabled", filter) ? Boolean.TRUE : null);
        value = matches("Disabled", filter) ? Boolean.FALSE : null;
      }
      default -> {
        sql.append(" AND EXISTS (SELECT 1 FROM user_attributes a WHERE a.user_seq = u.seq AND a.name = ? AND a.attr_value")
            .append(op)
            .append(")");
        params.add(filter.attribute());
      }
    }
    params.add(value);
  }

  private static boolean matches(String candidate, UserFilter filter) {
    return filter.prefix() ? candidate.startsWith(filter.value()) : candidate.equals(filter.value());
  }

  private static String likePrefix(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static List<User> users(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement st = Database.prepare(c, sql, params);
        ResultSet rs = st.executeQuery()) {
      return grouped(rs).stream().map(Grouped::user).toList();
    }
  }

  /** A user's row with its attributes, gathered from the consecutive rows of a join ordered by user. */
  private record Grouped(Row row, Map<String, String> attributes) {
    User user() {
      return row.toUser(attributes);
    }
  }

  private static List<Grouped> grouped(ResultSet rs) throws SQLException {
    List<Grouped> groups = new ArrayList<>();
    Grouped current = null;
    while (rs.next()) {
      long seq = rs.getLong(1);
      if (current == null || current.row.seq != seq) {
        current = new Grouped(Row.of(rs), new LinkedHashMap<>());
        groups.add(current);
      }
      String name = rs.getString(ATTRIBUTE_NAME_COLUMN);
      if (name != null) {
        current.attributes.put(name, rs.getString(ATTRIBUTE_NAME_COLUMN + 1));
      }
    }
    return groups;
  }

  private static void insertAttributes(Connection c, long seq, Map<String, String> attributes) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("INSERT INTO user_attributes (user_seq, position, name, attr_value) VALUES (?, ?, ?, ?)")) {
      int position = 0;
      for (Map.Entry<String, String> attribute : attributes.entrySet()) {
        st.setLong(1, seq);
        st.setInt(2, position++);
        st.setString(3, attribute.getKey());
        st.setString(4, attribute.getValue());
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  private static void insertCodes(Connection c, long seq, List<User.PendingCode> codes) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO user_codes (user_seq, purpose, attribute, code, expires_at, failed_attempts,"
                + " pending_value) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (User.PendingCode code : codes) {
        st.setLong(1, seq);
        st.setString(2, code.purpose().name());
        st.setString(3, code.attribute());
        st.setString(4, code.code());
        st.setLong(5, code.expiresAt().toEpochMilli());
        st.setInt(6, code.failedAttempts());
        st.setString(7, code.pendingValue());
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  private static void bindPasswordAndLockout(PreparedStatement st, int index, User user) throws SQLException {
    st.setLong(index, user.passwordSetAt().toEpochMilli());
    st.setInt(index + 1, user.lockout().failures());
    if (user.lockout().until().isPresent()) {
      st.setLong(index + 2, user.lockout().until().get().toEpochMilli());
    } else {
      st.setNull(index + 2, java.sql.Types.BIGINT);
    }
  }

  // Hex, as SRP numbers travel; a user stored before verifiers were kept has neither.
  private static void bindSrpVerifier(PreparedStatement st, int index, User user) throws SQLException {
    st.setString(index, user.srpVerifier().map(v -> v.salt().toString(16)).orElse(null));
    st.setString(index + 1, user.srpVerifier().map(v -> v.verifier().toString(16)).orElse(null));
  }

  /** NULL for a user who never touched MFA, as rows from before the column are. */
  private static String mfaJson(User user) {
    return user.mfa().equals(UserMfa.NONE) ? null : SettingsJson.write(user.mfa(), UserMfa.class);
  }

  private record Row(
      long seq,
      String poolId,
      String username,
      String sub,
      String status,
      boolean enabled,
      String passwordHash,
      long createdAt,
      long modifiedAt,
      long passwordSetAt,
      int failedSignIns,
      long version,
      Optional<Long> lockedUntil,
      String packedCodes,
      Optional<SrpVerifier> srpVerifier,
      String mfa) {

    static Row of(ResultSet rs) throws SQLException {
      long lockedUntil = rs.getLong(13);
      Optional<Long> locked = rs.wasNull() ? Optional.empty() : Optional.of(lockedUntil);
      return new Row(
          rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
          rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getInt(11), rs.getLong(12), locked,
          rs.getString(14), srpVerifier(rs.getString(15), rs.getString(16)), rs.getString(17));
    }

    private static Optional<SrpVerifier> srpVerifier(String salt, String verifier) {
      return salt == null || verifier == null
          ? Optional.empty()
          : Optional.of(new SrpVerifier(new BigInteger(salt, 16), new BigInteger(verifier, 16)));
    }

    User toUser(Map<String, String> attributes) {
      return new User(
          poolId, username, sub, UserStatus.valueOf(status), enabled, passwordHash, attributes,
          Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(modifiedAt), unpackedCodes(),
          Instant.ofEpochMilli(passwordSetAt), new User.Lockout(failedSignIns, lockedUntil.map(Instant::ofEpochMilli)),
          srpVerifier, mfa == null ? UserMfa.NONE : SettingsJson.read(mfa, UserMfa.class), version);
    }

    private List<User.PendingCode> unpackedCodes() {
      if (packedCodes == null || packedCodes.isEmpty()) {
        return List.of();
      }
      List<User.PendingCode> parsed = new ArrayList<>();
      for (String entry : packedCodes.split(RECORD)) {
        String[] f = entry.split(FIELD, -1);
        parsed.add(
            new User.PendingCode(
                CodePurpose.valueOf(f[0]), f[1], f[2], Instant.ofEpochMilli(Long.parseLong(f[3])),
                Integer.parseInt(f[4]), f[5]));
      }
      return parsed;
    }
  }
}
