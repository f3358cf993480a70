package dev.cognate.storage.jdbc;

import dev.cognate.domain.UserPoolDomain;
import dev.cognate.storage.DomainStore;
import java.util.Optional;

/** Pool domains in H2. */
public final class JdbcDomainStore implements DomainStore {
  private final Database db;

  public JdbcDomainStore(Database db) {
    this.db = db;
  }

  @Override
  public Insert insert(UserPoolDomain domain) {
    try {
      db.update(
          "INSERT INTO user_pool_domains (domain, pool_id, settings) VALUES (?, ?, ?)",
          domain.domain(),
          domain.userPoolId(),
          SettingsJson.write(domain, UserPoolDomain.class));
      return Insert.INSERTED;
    } catch (StorageException e) {
      if (UniqueKeys.violated(e, "user_pool_domains_domain_uq")) {
        return Insert.DOMAIN_TAKEN;
      }
      if (UniqueKeys.violated(e, "user_pool_domains_pool_uq")) {
        return Insert.POOL_HAS_DOMAIN;
      }
      throw e;
    }
  }

  @Override
  public Optional<UserPoolDomain> find(String domain) {
    return findOne("domain = ?", domain);
  }

  @Override
  public Optional<UserPoolDomain> findByPool(String userPoolId) {
    return findOne("pool_id = ?", userPoolId);
  }

  private Optional<UserPoolDomain> findOne(String where, String value) {
    return db.read(
        c ->
            Database.query(
                    c,
                    "SELECT settings FROM user_pool_domains WHERE " + where,
                    rs -> SettingsJson.read(rs.getString(1), UserPoolDomain.class),
                    value)
                .stream()
                .findFirst());
  }

  @Override
  public boolean replace(UserPoolDomain domain) {
    return db.update(
            "UPDATE user_pool_domains SET settings = ? WHERE pool_id = ? AND domain = ?",
            SettingsJson.write(domain, UserPoolDomain.class),
            domain.userPoolId(),
            domain.domain())
        > 0;
  }

  @Override
  public boolean delete(String userPoolId, String domain) {
    return db.update("DELETE FROM user_pool_domains WHERE pool_id = ? AND domain = ?", userPoolId, domain) > 0;
  }
}
