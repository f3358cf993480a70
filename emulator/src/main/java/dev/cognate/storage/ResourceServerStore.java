package dev.cognate.storage;

import dev.cognate.domain.ResourceServer;
import java.util.Optional;

/** Resource servers; the database keeps an identifier unique within its pool. */
public interface ResourceServerStore {

  /** False when the pool already has a resource server with this identifier. */
  boolean insert(ResourceServer server);

  Optional<ResourceServer> find(String userPoolId, String identifier);

  Page<ResourceServer> list(String userPoolId, long after, int limit);

  /** Writes the server's name and scopes over the stored ones; false when it is gone. */
  boolean replace(ResourceServer server);

  boolean delete(String userPoolId, String identifier);
}
