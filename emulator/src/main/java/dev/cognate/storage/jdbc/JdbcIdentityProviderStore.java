package dev.cognate.storage.jdbc;

import dev.cognate.domain.IdentityProvider;
import dev.cognate.storage.IdentityProviderStore;
import dev.cognate.storage.Page;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Identity providers in H2: the settings as one document, the identifiers as rows so that they stay unique. */
public final class JdbcIdentityProviderStore implements IdentityProviderStore {
  private final Database db;
  private final SettingsJson.Listing<IdentityProvider> listing =
      new SettingsJson.Listing<>("identity_providers", IdentityProvider.class);

  public JdbcIdentityProviderStore(Database db) {
    this.db = db;
  }

  @Override
  public Write insert(IdentityProvider provider) {
    return writing(
        () ->
            db.transaction(
                c -> {
                  Database.update(
                      c,
                      "INSERT INTO identity_providers (pool_id, name, settings) VALUES (?, ?, ?)",
                      provider.userPoolId(),
                      provider.name(),
                      SettingsJson.write(provider, IdentityProvider.class));
                  insertIdentifiers(c, provider);
                  return Write.WRITTEN;
                }));
  }

  @Override
  public Write replace(IdentityProvider provider) {
    return writing(
        () ->
            db.transaction(
                c -> {
                  int updated =
                      Database.update(
                          c,
                          "UPDATE identity_providers SET settings = ? WHERE pool_id = ? AND name = ?",
                          SettingsJson.write(provider, IdentityProvider.class),
                          provider.userPoolId(),
                          provider.name());
                  if (updated == 0) {
                    return Write.GONE;
                  }
                  Database.update(
                      c,
                      "DELETE FROM idp_identifiers WHERE pool_id = ? AND provider_name = ?",
                      provider.userPoolId(),
                      provider.name());
                  insertIdentifiers(c, provider);
                  return Write.WRITTEN;
                }));
  }

  private static Write writing(java.util.function.Supplier<Write> write) {
    try {
      return write.get();
    } catch (StorageException e) {
      if (UniqueKeys.violated(e, "identity_providers_name_uq")) {
        return Write.NAME_TAKEN;
      }
      if (UniqueKeys.violated(e, "idp_identifiers_uq")) {
        return Write.IDENTIFIER_TAKEN;
      }
      throw e;
    }
  }

  private static void insertIdentifiers(Connection c, IdentityProvider provider) throws SQLException {
    for (String identifier : provider.identifiers()) {
      Database.update(
          c,
          "INSERT INTO idp_identifiers (pool_id, identifier, provider_name) VALUES (?, ?, ?)",
          provider.userPoolId(),
          identifier,
          provider.name());
    }
  }

  @Override
  public Optional<IdentityProvider> find(String userPoolId, String name) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT settings FROM identity_providers WHERE pool_id = ? AND name = ?",
                    rs -> SettingsJson.read(rs.getString(1), IdentityProvider.class),
                    userPoolId,
                    name)
                .stream()
                .findFirst());
  }

  @Override
  public Optional<IdentityProvider> findByIdentifier(String userPoolId, String identifier) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT p.settings FROM idp_identifiers i JOIN identity_providers p"
                        + " ON p.pool_id = i.pool_id AND p.name = i.provider_name"
                        + " WHERE i.pool_id = ? AND i.identifier = ?",
                    rs -> SettingsJson.read(rs.getString(1), IdentityProvider.class),
                    userPoolId,
                    identifier)
                .stream()
                .findFirst());
  }

  @Override
  public Page<IdentityProvider> list(String userPoolId, long after, int limit) {
    record Row(long seq, Optional<IdentityProvider> provider) {}
    List<Row> rows =
        db.read(
            c ->
                Database.query(
                    c,
                    "SELECT seq, settings FROM identity_providers WHERE pool_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                    rs -> new Row(rs.getLong(1), listing.read(rs.getLong(1), rs.getString(2))),
                    userPoolId,
                    after,
                    limit + 1));
    return SettingsJson.Listing.readable(Pages.of(rows, limit, Row::seq, Row::provider));
  }

  @Override
  public boolean delete(String userPoolId, String name) {
    return db.update("DELETE FROM identity_providers WHERE pool_id = ? AND name = ?", userPoolId, name) > 0;
  }
}
