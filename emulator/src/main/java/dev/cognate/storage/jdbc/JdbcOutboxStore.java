package dev.cognate.storage.jdbc;

import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SentCode;
import dev.cognate.storage.OutboxStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The outbox in H2. */
public final class JdbcOutboxStore implements OutboxStore {
  private static final String COLUMNS =
      "SELECT pool_id, username, code, purpose, delivery_medium, destination, created_at FROM sent_codes";

  private final Database db;

  public JdbcOutboxStore(Database db) {
    this.db = db;
  }

  @Override
  public void append(SentCode code, String signInEmail) {
    db.update(
        "INSERT INTO sent_codes (pool_id, username, sign_in_email, code, purpose, delivery_medium, destination,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        code.userPoolId(),
        code.username(),
        signInEmail,
        code.code(),
        code.purpose().name(),
        code.deliveryMedium(),
        code.destination(),
        code.createdAt().toEpochMilli());
  }

  @Override
  public List<SentCode> find(String userPoolId, String usernameOrEmail) {
    return db.read(
        c ->
            Database.query(
                c,
                COLUMNS + " WHERE pool_id = ? AND (username = ? OR sign_in_email = ?) ORDER BY seq",
                JdbcOutboxStore::sentCode,
                userPoolId,
                usernameOrEmail,
                usernameOrEmail));
  }

  @Override
  public int countSince(String userPoolId, String username, CodePurpose purpose, Instant since) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT COUNT(*) FROM sent_codes WHERE pool_id = ? AND username = ? AND purpose = ?"
                        + " AND created_at >= ?",
                    rs -> rs.getInt(1),
                    userPoolId,
                    username,
                    purpose.name(),
                    since.toEpochMilli())
                .get(0));
  }

  @Override
  public List<SentCode> findAll(String userPoolId) {
    return db.read(
        c -> Database.query(c, COLUMNS + " WHERE pool_id = ? ORDER BY seq", JdbcOutboxStore::sentCode, userPoolId));
  }

  private static SentCode sentCode(ResultSet rs) throws SQLException {
    return new SentCode(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        CodePurpose.valueOf(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        Instant.ofEpochMilli(rs.getLong(7)));
  }
}
