package dev.cognate.storage.jdbc;

import dev.cognate.storage.KeyStore;
import java.util.List;

/** Signing keys in H2. */
public final class JdbcKeyStore implements KeyStore {
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
  public void insert(String userPoolId, List<StoredKey> keys) {
    db.transaction(
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
          return null;
        });
  }
}
