package dev.cognate.storage;

import dev.cognate.domain.AppClient;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** App clients; client ids are unique across pools, as the unsigned operations name only the client. */
public interface ClientStore {
  void insert(AppClient client);

  Optional<AppClient> find(String clientId);

  /**
   * Replaces the client with what {@code change} makes of it, holding the client's row so that concurrent changes
   * apply one after the other; empty when there is no such client. A {@code change} that throws changes nothing.
   */
  Optional<AppClient> update(String clientId, UnaryOperator<AppClient> change);

  Page<AppClient> list(String userPoolId, long after, int limit);

  boolean delete(String userPoolId, String clientId);
}
