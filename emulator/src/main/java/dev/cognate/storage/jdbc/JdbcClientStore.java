package dev.cognate.storage.jdbc;

import dev.cognate.domain.AppClient;
import dev.cognate.storage.ClientStore;
import dev.cognate.storage.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** App clients in H2. */
public final class JdbcClientStore implements ClientStore {
  private final Database db;
  private final SettingsJson.Listing<AppClient> listing = new SettingsJson.Listing<>("app_clients", AppClient.class);

  public JdbcClientStore(Database db) {
    this.db = db;
  }

  @Override
  public void insert(AppClient client) {
    db.update(
        "INSERT INTO app_clients (client_id, pool_id, settings) VALUES (?, ?, ?)",
        client.clientId(),
        client.userPoolId(),
        SettingsJson.write(client, AppClient.class));
  }

  @Override
  public Optional<AppClient> find(String clientId) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT settings FROM app_clients WHERE client_id = ?",
                    rs -> SettingsJson.read(rs.getString(1), AppClient.class),
                    clientId)
                .stream()
                .findFirst());
  }

  @Override
  public Page<AppClient> list(String userPoolId, long after, int limit) {
    record Row(long seq, Optional<AppClient> client) {}
    List<Row> rows =
        db.read(
            c ->
                Database.query(
                    c,
                    "SELECT seq, settings FROM app_clients WHERE pool_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                    rs -> new Row(rs.getLong(1), listing.read(rs.getLong(1), rs.getString(2))),
                    userPoolId,
                    after,
                    limit + 1));
    return SettingsJson.Listing.readable(Pages.of(rows, limit, Row::seq, Row::client));
  }

  @Override
  public Optional<AppClient> update(String clientId, UnaryOperator<AppClient> change) {
    return SettingsJson.update(db, "app_clients", "client_id", clientId, AppClient.class, change);
  }


  @Override
  public boolean delete(String userPoolId, String clientId) {
    return db.update("DELETE FROM app_clients WHERE pool_id = ? AND client_id = ?", userPoolId, clientId) > 0;
  }
}
