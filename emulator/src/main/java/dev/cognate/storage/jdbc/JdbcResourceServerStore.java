package dev.cognate.storage.jdbc;

import dev.cognate.domain.ResourceServer;
import dev.cognate.storage.Page;
import dev.cognate.storage.ResourceServerStore;
import java.util.List;
import java.util.Optional;

/** Resource servers in H2. */
public final class JdbcResourceServerStore implements ResourceServerStore {
  private final Database db;
  private final SettingsJson.Listing<ResourceServer> listing =
      new SettingsJson.Listing<>("resource_servers", ResourceServer.class);

  public JdbcResourceServerStore(Database db) {
    this.db = db;
  }

  @Override
  public boolean insert(ResourceServer server) {
    try {
      db.update(
          "INSERT INTO resource_servers (pool_id, identifier, settings) VALUES (?, ?, ?)",
          server.userPoolId(),
          server.identifier(),
          SettingsJson.write(server, ResourceServer.class));
      return true;
    } catch (StorageException e) {
      if (UniqueKeys.violated(e, "resource_servers_identifier_uq")) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<ResourceServer> find(String userPoolId, String identifier) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT settings FROM resource_servers WHERE pool_id = ? AND identifier = ?",
                    rs -> SettingsJson.read(rs.getString(1), ResourceServer.class),
                    userPoolId,
                    identifier)
                .stream()
                .findFirst());
  }

  @Override
  public Page<ResourceServer> list(String userPoolId, long after, int limit) {
    record Row(long seq, Optional<ResourceServer> server) {}
    List<Row> rows =
        db.read(
            c ->
                Database.query(
                    c,
                    "SELECT seq, settings FROM resource_servers WHERE pool_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                    rs -> new Row(rs.getLong(1), listing.read(rs.getLong(1), rs.getString(2))),
                    userPoolId,
                    after,
                    limit + 1));
    return SettingsJson.Listing.readable(Pages.of(rows, limit, Row::seq, Row::server));
  }

  @Override
  public boolean replace(ResourceServer server) {
    return db.update(
            "UPDATE resource_servers SET settings = ? WHERE pool_id = ? AND identifier = ?",
            SettingsJson.write(server, ResourceServer.class),
            server.userPoolId(),
            server.identifier())
        > 0;
  }

  @Override
  public boolean delete(String userPoolId, String identifier) {
    return db.update("DELETE FROM resource_servers WHERE pool_id = ? AND identifier = ?", userPoolId, identifier) > 0;
  }
}
