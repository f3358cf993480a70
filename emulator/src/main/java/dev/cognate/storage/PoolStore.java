package dev.cognate.storage;

import dev.cognate.domain.UserPool;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** User pools by id. */
public interface PoolStore {
  void insert(UserPool pool);

  Optional<UserPool> find(String id);

  /**
   * Replaces the pool with what {@code change} makes of it, holding the pool's row so that concurrent changes
   * apply one after the other; empty when there is no such pool. A {@code change} that throws changes nothing.
   */
  Optional<UserPool> update(String id, UnaryOperator<UserPool> change);

  Page<UserPool> list(long after, int limit);

  /** Deletes the pool with everything in it; false when there was no such pool. */
  boolean delete(String id);
}
