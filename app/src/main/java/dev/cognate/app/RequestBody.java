package dev.cognate.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Request validation as API Gateway's JSON-schema validator applies the original schemas: the body is a JSON
 * object whose named fields are present, strings, and not empty.
 */
public final class RequestBody {
  // Text after the object makes the body invalid JSON, as API Gateway's validator sees it.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RequestBody() {}

  /** The named string fields, or empty when the body does not conform. */
  public static Optional<Map<String, String>> fields(String body, List<String> required) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (tree == null || !tree.isObject()) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String name : required) {
      JsonNode value = tree.get(name);
      if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
        return Optional.empty();
      }
      fields.put(name, value.textValue());
    }
    return Optional.of(fields);
  }
}
