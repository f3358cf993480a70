package dev.cognate.operation.wire;

import dev.cognate.error.CognitoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys of an {@code AttributeMapping}, checked against the model's AttributeMappingKeyType (1 to 32
 * characters), in the text AWS uses for constraints on map keys; the request validator does not look into maps.
 */
public final class AttributeMappings {
  private AttributeMappings() {}

  public static Map<String, String> checked(Map<String, String> mapping) {
    if (mapping == null) {
      return null;
    }
    List<String> failures = new ArrayList<>();
    if (mapping.keySet().stream().anyMatch(String::isEmpty)) {
      failures.add("Member must have length greater than or equal to 1");
    }
    if (mapping.keySet().stream().anyMatch(k -> k.codePointCount(0, k.length()) > 32)) {
      failures.add("Member must have length less than or equal to 32");
    }
    if (!failures.isEmpty()) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value '" + mapping + "' at 'attributeMapping' failed to satisfy constraint:"
              + " Map keys must satisfy constraint: [" + String.join(", ", failures) + "]");
    }
    return mapping;
  }
}
