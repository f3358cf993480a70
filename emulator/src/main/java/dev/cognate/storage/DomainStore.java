package dev.cognate.storage;

import dev.cognate.domain.UserPoolDomain;
import java.util.Optional;

/** Pool domains. The database keeps a domain unique across pools and a pool to one domain. */
public interface DomainStore {

  /** Outcome of an insert, decided by the database's unique keys. */
  enum Insert {
    INSERTED,
    DOMAIN_TAKEN,
    POOL_HAS_DOMAIN
  }

  Insert insert(UserPoolDomain domain);

  Optional<UserPoolDomain> find(String domain);

  Optional<UserPoolDomain> findByPool(String userPoolId);

  /** Writes the domain's settings over the stored ones; false when it is gone. */
  boolean replace(UserPoolDomain domain);

  boolean delete(String userPoolId, String domain);
}
