package dev.cognate.storage.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.ChallengeSession;
import dev.cognate.storage.ChallengeStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Challenge sessions in H2. */
public final class JdbcChallengeStore implements ChallengeStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> STATE = new TypeReference<>() {};

  private final Database db;

  public JdbcChallengeStore(Database db) {
    this.db = db;
  }

  @Override
  public void insert(ChallengeSession s) {
    db.update(
        "INSERT INTO challenge_sessions (session_hash, pool_id, client_id, user_sub, challenge, expires_at, state)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        s.sessionHash(),
        s.userPoolId(),
        s.clientId(),
        s.userSub(),
        s.challenge().name(),
        s.expiresAt().toEpochMilli(),
        writeState(s.state()));
  }

  @Override
  public Optional<ChallengeSession> find(String sessionHash) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT session_hash, pool_id, client_id, user_sub, challenge, expires_at, state FROM"
                        + " challenge_sessions WHERE session_hash = ?",
                    rs ->
                        new ChallengeSession(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            ChallengeName.valueOf(rs.getString(5)),
                            Instant.ofEpochMilli(rs.getLong(6)),
                            readState(rs.getString(7))),
                    sessionHash)
                .stream()
                .findFirst());
  }

  @Override
  public boolean consume(String sessionHash) {
    return db.update("DELETE FROM challenge_sessions WHERE session_hash = ?", sessionHash) == 1;
  }

  @Override
  public boolean claimAnswer(String sessionHash, int limit) {
    // One conditional update: concurrent answers are counted one after another on the row's lock, and each sees the
    // count the one before left. The column counts judged answers; only the last of them can have been right.
    return db.update(
            "UPDATE challenge_sessions SET wrong_answers = wrong_answers + 1 WHERE session_hash = ? AND wrong_answers < ?",
            sessionHash,
            limit)
        == 1;
  }

  @Override
  public void purgeExpired(Instant before) {
    db.update("DELETE FROM challenge_sessions WHERE expires_at < ?", before.toEpochMilli());
  }

  private static String writeState(Map<String, String> state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  private static Map<String, String> readState(String json) {
    try {
      return JSON.readValue(json, STATE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("challenge state that was written by this class could not be read", e);
    }
  }
}
