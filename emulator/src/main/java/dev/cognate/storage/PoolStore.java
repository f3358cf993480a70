package dev.cognate.storage;

import dev.cognate.domain.UserPool;
import java.util.Optional;

/** User pools by id. */
public interface PoolStore {
  void insert(UserPool pool);

  Optional<UserPool> find(String id);

  /** Replaces the pool's whole settings in one statement; false when there is no such pool (any more). */
  boolean update(UserPool pool);

  Page<UserPool> list(long after, int limit);

  /** Deletes the pool with everything in it; false when there was no such pool. */
  boolean delete(String id);
}
