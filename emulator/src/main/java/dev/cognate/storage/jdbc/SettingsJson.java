package dev.cognate.storage.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cognate.storage.Page;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pool and client settings are stored as one JSON document each: they are read whole and never queried into. */
final class SettingsJson {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsJson.class);
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SettingsJson() {}

  /**
   * The document to store, read back once before it is returned: a document that could not be read back would
   * break every later read of its row, so it is refused here and never committed.
   */
  static <T> String write(T value, Class<T> type) {
    String json;
    try {
      json = MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot store " + type.getSimpleName(), e);
    }
    read(json, type);
    return json;
  }

  /**
   * Applies {@code change} to the settings document of one row, read under the row's lock and written back in the
   * same transaction, so concurrent changes apply one after the other; empty when there is no such row.
   * {@code table} and {@code keyColumn} are the caller's constants, never client input.
   */
  static <T> Optional<T> update(
      Database db, String table, String keyColumn, String key, Class<T> type, UnaryOperator<T> change) {
    return db.transaction(
        c -> {
          Optional<T> changed =
              Database.query(
                      c,
                      "SELECT settings FROM " + table + " WHERE " + keyColumn + " = ? FOR UPDATE",
                      rs -> read(rs.getString(1), type),
                      key)
                  .stream()
                  .findFirst()
                  .map(change);
          if (changed.isPresent()) {
            Database.update(
                c, "UPDATE " + table + " SET settings = ? WHERE " + keyColumn + " = ?", write(changed.get(), type), key);
          }
          return changed;
        });
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
    }
  }

  /**
   * Reads the documents of a listing. A row that cannot be read (written by an older version, or changed behind
   * Cognate's back) is left out rather than failing the whole listing, and reported once per row.
   */
  static final class Listing<T> {
    private final String table;
    private final Class<T> type;
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();

    Listing(String table, Class<T> type) {
      this.table = table;
      this.type = type;
    }

    Optional<T> read(long seq, String json) {
      try {
        return Optional.of(MAPPER.readValue(json, type));
      } catch (JsonProcessingException e) {
        if (reported.add(seq)) {
          LOG.warn(
              "Leaving row seq={} of {} out of listings: its settings cannot be read ({})",
              seq,
              table,
              e.getOriginalMessage());
        }
        return Optional.empty();
      }
    }

    /** The readable items of a page; its continuation still counts the rows left out. */
    static <T> Page<T> readable(Page<Optional<T>> page) {
      return new Page<>(page.items().stream().flatMap(Optional::stream).toList(), page.next());
    }
  }
}
