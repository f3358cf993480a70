package dev.cognate.storage.jdbc;

import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.User;
import dev.cognate.storage.CodeAttemptStore;
import java.time.Instant;

/** Code attempts in H2, one row each, hanging off the user so that deleting the user or pool removes them. */
public final class JdbcCodeAttemptStore implements CodeAttemptStore {
  private static final String USER_SEQ = "(SELECT seq FROM users WHERE pool_id = ? AND sub = ?)";
  // Stored in the purpose column next to the code purposes, none of which has this name.
  private static final String PASSWORD_CHANGE = "CHANGE_PASSWORD";

  private final Database db;

  public JdbcCodeAttemptStore(Database db) {
    this.db = db;
  }

  @Override
  public int record(User user, CodePurpose purpose, Instant at, Instant since) {
    return record(user, purpose.name(), at, since);
  }

  @Override
  public int recordPasswordChange(User user, Instant at, Instant since) {
    return record(user, PASSWORD_CHANGE, at, since);
  }

  private int record(User user, String purpose, Instant at, Instant since) {
    return db.transaction(
        c -> {
          Database.update(
              c,
              "INSERT INTO code_attempts (pool_id, user_seq, purpose, attempted_at)"
                  + " SELECT pool_id, seq, ?, ? FROM users WHERE pool_id = ? AND sub = ?",
              purpose,
              at.toEpochMilli(),
              user.userPoolId(),
              user.sub());
          Database.update(
              c,
              "DELETE FROM code_attempts WHERE user_seq = " + USER_SEQ + " AND attempted_at < ?",
              user.userPoolId(),
              user.sub(),
              since.toEpochMilli());
          return Database.query(
                  c,
                  "SELECT COUNT(*) FROM code_attempts WHERE user_seq = " + USER_SEQ
                      + " AND purpose = ? AND attempted_at >= ?",
                  rs -> rs.getInt(1),
                  user.userPoolId(),
                  user.sub(),
                  purpose,
                  since.toEpochMilli())
              .get(0);
        });
  }
}
