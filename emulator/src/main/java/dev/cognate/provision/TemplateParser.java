package dev.cognate.provision;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a CloudFormation or SAM template, or a Serverless Framework file (its {@code resources.Resources}, which
 * may also be a list of such maps), into a {@link Template}.
 */
final class TemplateParser {
  private TemplateParser() {}

  static Template read(TemplateSource source) {
    String file = source.location().fileName();
    Map<String, Object> read;
    try {
      read = YamlFiles.read(source.location());
    } catch (IOException | RuntimeException e) {
      throw new ProvisioningException("template " + source.location() + ": cannot read it: " + e.getMessage());
    }
    boolean serverless = !read.containsKey("Resources") && read.containsKey("service");
    Map<String, Object> root;
    try {
      root = serverless ? ServerlessVariables.resolve(read) : read;
    } catch (ServerlessVariables.TooLarge e) {
      throw new ProvisioningException("template " + file + ": " + e.getMessage());
    }
    Map<String, Object> declared = new LinkedHashMap<>();
    String stack;
    if (serverless) {
      stack = source.stack().orElseGet(() -> ServerlessVariables.stackName(source.location(), root));
      for (Map<String, Object> part : resourceMaps(root.get("resources"))) {
        declared.putAll(resources(file, part.get("Resources")));
      }
    } else {
      stack = source.stack().orElseGet(() -> source.location().baseName());
      declared.putAll(resources(file, root.get("Resources")));
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    map(root.get("Parameters")).forEach((name, spec) -> {
      Object value = map(spec).get("Default");
      if (value != null) {
        parameters.put(name, value);
      }
    });
    Map<String, Template.Resource> resources = new LinkedHashMap<>();
    declared.forEach((logicalId, body) -> resources.put(logicalId, resource(file, logicalId, map(body))));
    return new Template(file, stack, parameters, resources);
  }

  private static Template.Resource resource(String file, String logicalId, Map<String, Object> body) {
    if (!(body.get("Type") instanceof String type)) {
      throw new ProvisioningException("template " + file + ", " + logicalId + ": a resource needs a Type");
    }
    Object dependsOn = body.get("DependsOn");
    List<String> depends = new ArrayList<>();
    if (dependsOn instanceof String one) {
      depends.add(one);
    } else if (dependsOn instanceof List<?> many) {
      many.forEach(d -> depends.add(String.valueOf(d)));
    }
    Object condition = body.get("Condition");
    return new Template.Resource(
        logicalId, type, map(body.get("Properties")), map(body.get("Metadata")), depends,
        condition == null ? null : String.valueOf(condition));
  }

  /** A list or a text under {@code Resources} would otherwise provision nothing without a word. */
  private static Map<String, Object> resources(String file, Object resources) {
    if (resources != null && !(resources instanceof Map<?, ?>)) {
      throw new ProvisioningException("template " + file + ": Resources must map logical ids to resources");
    }
    return map(resources);
  }

  private static List<Map<String, Object>> resourceMaps(Object resources) {
    List<Map<String, Object>> parts = new ArrayList<>();
    if (resources instanceof List<?> list) {
      list.forEach(part -> parts.add(map(part)));
    } else {
      parts.add(map(resources));
    }
    return parts;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
