package dev.cognate.storage.jdbc;

import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.ChallengeSession;
import dev.cognate.storage.ChallengeStore;
import java.time.Instant;
import java.util.Optional;

/** Challenge sessions in H2. */
public final class JdbcChallengeStore implements ChallengeStore {
  private final Database db;

  public JdbcChallengeStore(Database db) {
    this.db = db;
  }

  @Override
  public void insert(ChallengeSession s) {
    db.update(
        "INSERT INTO challenge_sessions (session_hash, pool_id, client_id, user_sub, challenge, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        s.sessionHash(),
        s.userPoolId(),
        s.clientId(),
        s.userSub(),
        s.challenge().name(),
        s.expiresAt().toEpochMilli());
  }

  @Override
  public Optional<ChallengeSession> find(String sessionHash) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT session_hash, pool_id, client_id, user_sub, challenge, expires_at FROM challenge_sessions"
                        + " WHERE session_hash = ?",
                    rs ->
                        new ChallengeSession(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            ChallengeName.valueOf(rs.getString(5)),
                            Instant.ofEpochMilli(rs.getLong(6))),
                    sessionHash)
                .stream()
                .findFirst());
  }

  @Override
  public boolean consume(String sessionHash) {
    return db.update("DELETE FROM challenge_sessions WHERE session_hash = ?", sessionHash) == 1;
  }

  @Override
  public void purgeExpired(Instant now) {
    db.update("DELETE FROM challenge_sessions WHERE expires_at < ?", now.toEpochMilli());
  }
}
