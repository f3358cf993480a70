package dev.cognate.state;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cognate.storage.StateStore.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

  /**
   * The snapshot in {@code json}; anything else is refused with an {@link IllegalArgumentException} saying why.
   * Read as a stream rather than a tree: an import may be 64 MiB, and a tree of that many small nodes took gigabytes.
   * Each row is kept as a {@link Row}, the columns' names shared by the parser.
   */
  public static Snapshot read(String json) {
    try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("the state must be a JSON object");
      }
      String format = null;
      Integer version = null;
      Integer schemaVersion = null;
      Map<String, List<Map<String, Object>>> tables = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "format" -> {
            format = value == JsonToken.VALUE_STRING ? parser.getText() : "";
            // Refused at once: a large document that is not an export is not read to its end.
            requireFormat(format);
          }
          case "version" -> version = wholeInt(parser, value);
          case "schemaVersion" -> schemaVersion = wholeInt(parser, value);
          case "tables" -> tables = tables(parser, value);
          default -> parser.skipChildren();
        }
      }
      requireFormat(format);
      if (version == null || version != VERSION) {
        throw new IllegalArgumentException("the state must have \"version\": " + VERSION);
      }
      if (schemaVersion == null) {
        throw new IllegalArgumentException("the state must have a whole-number \"schemaVersion\"");
      }
      if (tables == null) {
        throw new IllegalArgumentException("the state must have \"tables\", an object of arrays of rows");
      }
      return new Snapshot(schemaVersion, tables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the state is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireFormat(String format) {
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("the state must have \"format\": \"" + FORMAT + "\"");
    }
  }

  private static Integer wholeInt(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
      return parser.getIntValue();
    }
    parser.skipChildren();
    return null;
  }

  private static Map<String, List<Map<String, Object>>> tables(JsonParser parser, JsonToken value)
      throws IOException {
    if (value != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("the state must have \"tables\", an object of arrays of rows");
    }
    Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String table = parser.currentName();
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("table " + table + " must be an array of rows");
      }
      ArrayList<Map<String, Object>> rows = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        int index = rows.size() + 1;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
          throw new IllegalArgumentException("row " + index + " of table " + table + " must be an object");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String column = parser.currentName();
          row.put(column, scalar(parser, parser.nextToken(), table, index, column));
        }
        rows.add(row.isEmpty() ? Map.of() : new Row(row));
      }
      rows.trimToSize();
      tables.put(table, rows);
    }
    return tables;
  }

  private static Object scalar(JsonParser parser, JsonToken value, String table, int index, String column)
      throws IOException {
    switch (value) {
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NUMBER_INT:
        if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
          return parser.getLongValue();
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(
        "row " + index + " of table " + table + ": " + column
            + " must be a string, a whole number, true, false or null");
  }
}
