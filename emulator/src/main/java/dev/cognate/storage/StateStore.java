package dev.cognate.storage;

import java.util.List;
import java.util.Map;

/**
 * The whole stored state at once: wiping it, and copying it out and back in table by table. Schema bookkeeping is
 * never part of it.
 */
public interface StateStore {
  /** The table holding each pool's signing keys, which a snapshot carries only on request. */
  String KEYS_TABLE = "signing_keys";

  /** Empties every table, in one transaction. */
  void wipe();

  /** Removes one pool and everything in it, in one transaction; false when there is no such pool. */
  boolean wipe(String userPoolId);

  /** Every table's rows, parents before children; values are strings, numbers, booleans or null (bytes in base64). */
  Snapshot export(boolean withKeys);

  /**
   * Replaces the whole state by {@code snapshot}, in one transaction; a snapshot that does not fit the schema
   * changes nothing and is refused with an {@link IllegalArgumentException} saying why.
   */
  void replace(Snapshot snapshot);

  /**
   * Rows by table name, in the order they were exported.
   *
   * @param schemaVersion the number of migrations the exporting database had run
   */
  record Snapshot(int schemaVersion, Map<String, List<Map<String, Object>>> tables) {}
}
