package dev.cognate.storage;

import dev.cognate.domain.AppClient;
import java.util.Optional;

/** App clients; client ids are unique across pools, as the unsigned operations name only the client. */
public interface ClientStore {
  void insert(AppClient client);

  Optional<AppClient> find(String clientId);

  /** Replaces the client's whole settings in one statement; false when there is no such client (any more). */
  boolean update(AppClient client);

  Page<AppClient> list(String userPoolId, long after, int limit);

  boolean delete(String userPoolId, String clientId);
}
