package dev.cognate.provision;

import java.util.List;
import java.util.Map;

/**
 * One template as read: every resource it declares (Cognito's and the others, which references may name), and the
 * defaults of its parameters.
 *
 * @param file the file name, as messages name it
 * @param stack the stack name ids derive from
 * @param parameters each parameter's {@code Default}
 * @param resources by logical id, in the file's order
 */
record Template(String file, String stack, Map<String, Object> parameters, Map<String, Resource> resources) {

  /**
   * One resource.
   *
   * @param metadata its {@code Metadata}, where {@code Cognate: {Id: ...}} pins a physical id
   * @param dependsOn its {@code DependsOn}, as a list
   * @param condition the name of its {@code Condition}, or null; conditions are not evaluated
   */
  record Resource(
      String logicalId,
      String type,
      Map<String, Object> properties,
      Map<String, Object> metadata,
      List<String> dependsOn,
      String condition) {

    /** The id {@code Metadata: {Cognate: {Id: ...}}} pins, if any. */
    String pinnedId() {
      return metadata.get("Cognate") instanceof Map<?, ?> cognate && cognate.get("Id") instanceof String id ? id : null;
    }
  }
}
