package dev.cognate.storage.jdbc;

import dev.cognate.domain.UserPool;
import dev.cognate.storage.Page;
import dev.cognate.storage.PoolStore;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** User pools in H2. */
public final class JdbcPoolStore implements PoolStore {
  private final Database db;
  private final SettingsJson.Listing<UserPool> listing = new SettingsJson.Listing<>("user_pools", UserPool.class);

  public JdbcPoolStore(Database db) {
    this.db = db;
  }

  @Override
  public void insert(UserPool pool) {
    db.update(
        "INSERT INTO user_pools (id, settings) VALUES (?, ?)", pool.id(), SettingsJson.write(pool, UserPool.class));
  }

  @Override
  public Optional<UserPool> find(String id) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT settings FROM user_pools WHERE id = ?",
                    rs -> SettingsJson.read(rs.getString(1), UserPool.class),
                    id)
                .stream()
                .findFirst());
  }

  @Override
  public Page<UserPool> list(long after, int limit) {
    record Row(long seq, Optional<UserPool> pool) {}
    List<Row> rows =
        db.read(
            c ->
                Database.query(
                    c,
                    "SELECT seq, settings FROM user_pools WHERE seq > ? ORDER BY seq LIMIT ?",
                    rs -> new Row(rs.getLong(1), listing.read(rs.getLong(1), rs.getString(2))),
                    after,
                    limit + 1));
    return SettingsJson.Listing.readable(Pages.of(rows, limit, Row::seq, Row::pool));
  }

  @Override
  public Optional<UserPool> update(String id, UnaryOperator<UserPool> change) {
    return SettingsJson.update(db, "user_pools", "id", id, UserPool.class, change);
  }


  @Override
  public boolean delete(String id) {
    return db.update("DELETE FROM user_pools WHERE id = ?", id) > 0;
  }
}
