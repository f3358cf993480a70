package dev.cognate.storage.jdbc;

import dev.cognate.domain.AuthSession;
import dev.cognate.domain.User;
import dev.cognate.storage.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sign-in sessions in H2. */
public final class JdbcSessionStore implements SessionStore {
  private static final String SELECT =
      "SELECT id, token_hash, pool_id, client_id, user_sub, auth_time, expires_at, revoked FROM auth_sessions ";

  private final Database db;

  public JdbcSessionStore(Database db) {
    this.db = db;
  }

  @Override
  public boolean insertFor(User user, AuthSession s) {
    return db.transaction(
        c -> {
          List<Long> version =
              Database.query(
                  c,
                  "SELECT version FROM users WHERE pool_id = ? AND sub = ? FOR UPDATE",
                  rs -> rs.getLong(1),
                  user.userPoolId(),
                  user.sub());
          if (!version.equals(List.of(user.version()))) {
            return false;
          }
          Database.update(
              c,
              "INSERT INTO auth_sessions (id, token_hash, pool_id, client_id, user_sub, auth_time, expires_at,"
                  + " revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              s.id(),
              s.refreshTokenHash(),
              s.userPoolId(),
              s.clientId(),
              s.userSub(),
              s.authTime().toEpochMilli(),
              s.expiresAt().toEpochMilli(),
              s.revoked());
          return true;
        });
  }

  @Override
  public Optional<AuthSession> findByTokenHash(String refreshTokenHash) {
    return findOne("WHERE token_hash = ?", refreshTokenHash);
  }

  @Override
  public Optional<AuthSession> find(String id) {
    return findOne("WHERE id = ?", id);
  }

  private Optional<AuthSession> findOne(String where, String value) {
    return db.read(
        c ->
            Database.query(
                    c,
                    SELECT + where,
                    rs ->
                        new AuthSession(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6)),
                            Instant.ofEpochMilli(rs.getLong(7)),
                            rs.getBoolean(8)),
                    value)
                .stream()
                .findFirst());
  }

  @Override
  public void revoke(String id) {
    db.update("UPDATE auth_sessions SET revoked = TRUE WHERE id = ?", id);
  }

  @Override
  public void revokeAll(String userPoolId, String userSub) {
    db.update("UPDATE auth_sessions SET revoked = TRUE WHERE pool_id = ? AND user_sub = ?", userPoolId, userSub);
  }
}
