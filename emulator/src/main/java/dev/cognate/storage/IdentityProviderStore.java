package dev.cognate.storage;

import dev.cognate.domain.IdentityProvider;
import java.util.Optional;

/** Identity providers; the database keeps a provider name, and each provider identifier, unique within a pool. */
public interface IdentityProviderStore {

  /** Outcome of a write, decided by the database's unique keys. */
  enum Write {
    WRITTEN,
    NAME_TAKEN,
    IDENTIFIER_TAKEN,
    GONE
  }

  Write insert(IdentityProvider provider);

  Optional<IdentityProvider> find(String userPoolId, String name);

  Optional<IdentityProvider> findByIdentifier(String userPoolId, String identifier);

  Page<IdentityProvider> list(String userPoolId, long after, int limit);

  /** Writes the provider's settings and identifiers over the stored ones, in one transaction. */
  Write replace(IdentityProvider provider);

  boolean delete(String userPoolId, String name);
}
