package dev.cognate.storage.jdbc;

import dev.cognate.storage.KeyStore;
import java.sql.SQLException;
import java.util.List;

/** Signing keys in H2. */
public final class JdbcKeyStore implements KeyStore {
  private static final String UNIQUE_VIOLATION = "23505";

  private final Database db;

  public JdbcKeyStore(Database db) {
    this.db = db;
  }

  @Override
  public List<StoredKey> find(String userPoolId) {
    return db.read(
        c ->
            Database.query(
                c,
                "SELECT purpose, kid, private_key, public_key FROM signing_keys WHERE pool_id = ? ORDER BY purpose",
                rs -> new StoredKey(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)),
                userPoolId));
  }

  @Override
  public boolean insertIfAbsent(String userPoolId, List<StoredKey> keys) {
    try {
      return insert(userPoolId, keys);
    } catch (StorageException e) {
      if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  private boolean insert(String userPoolId, List<StoredKey> keys) {
    return db.transaction(
        c -> {
          for (StoredKey key : keys) {
            Database.update(
                c,
                "INSERT INTO signing_keys (pool_id, purpose, kid, private_key, public_key) VALUES (?, ?, ?, ?, ?)",
                userPoolId,
                key.purpose(),
                key.kid(),
                key.privateKey(),
                key.publicKey());
          }
          return true;
        });
  }
}
