package dev.cognate.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognate.storage.StateStore.Snapshot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of an exported state: a format name and version (of this document's layout), the schema version of
 * the database it came from, whether signing keys are in it, and the rows of each table by column name.
 *
 * <pre>{@code
 * {"format": "cognate-state", "version": 1, "schemaVersion": 16, "keys": false,
 *  "tables": {"user_pools": [{"seq": 1, "id": "us-east-1_AbC", "settings": "..."}], "users": [...]}}
 * }</pre>
 */
public final class StateJson {
  public static final String FORMAT = "cognate-state";
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StateJson() {}

  public static String write(Snapshot snapshot, boolean withKeys) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put("version", VERSION);
    document.put("schemaVersion", snapshot.schemaVersion());
    document.put("keys", withKeys);
    document.put("tables", snapshot.tables());
    try {
      return MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the state", e);
    }
  }

  /** The snapshot in {@code json}; anything else is refused with an {@link IllegalArgumentException} saying why. */
  public static Snapshot read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the state is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the state must be a JSON object");
    }
    if (!FORMAT.equals(root.path("format").asText(null))) {
      throw new IllegalArgumentException("the state must have \"format\": \"" + FORMAT + "\"");
    }
    if (!root.path("version").isInt() || root.path("version").asInt() != VERSION) {
      throw new IllegalArgumentException("the state must have \"version\": " + VERSION);
    }
    if (!root.path("schemaVersion").isInt()) {
      throw new IllegalArgumentException("the state must have a whole-number \"schemaVersion\"");
    }
    JsonNode tables = root.path("tables");
    if (!tables.isObject()) {
      throw new IllegalArgumentException("the state must have \"tables\", an object of arrays of rows");
    }
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> table = it.next();
      if (!table.getValue().isArray()) {
        throw new IllegalArgumentException("table " + table.getKey() + " must be an array of rows");
      }
      List<Map<String, Object>> tableRows = new ArrayList<>();
      int index = 0;
      for (JsonNode row : table.getValue()) {
        index++;
        if (!row.isObject()) {
          throw new IllegalArgumentException("row " + index + " of table " + table.getKey() + " must be an object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> columns = ((ObjectNode) row).fields(); columns.hasNext(); ) {
          Map.Entry<String, JsonNode> column = columns.next();
          values.put(column.getKey(), scalar(column.getValue(), table.getKey(), index, column.getKey()));
        }
        tableRows.add(values);
      }
      rows.put(table.getKey(), tableRows);
    }
    return new Snapshot(root.path("schemaVersion").asInt(), rows);
  }

  private static Object scalar(JsonNode value, String table, int index, String column) {
    if (value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    throw new IllegalArgumentException(
        "row " + index + " of table " + table + ": " + column
            + " must be a string, a whole number, true, false or null");
  }
}
