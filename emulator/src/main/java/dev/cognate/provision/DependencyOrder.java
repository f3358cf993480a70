package dev.cognate.provision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template's Cognito resources in an order where each comes after those it refers to (through Ref, GetAtt,
 * Sub or DependsOn), otherwise in the file's order. Other resource types are left out quietly.
 */
final class DependencyOrder {
  private DependencyOrder() {}

  static List<Template.Resource> of(Template template, Set<String> types) {
    Map<String, Set<String>> pending = new LinkedHashMap<>();
    for (Template.Resource resource : template.resources().values()) {
      if (!types.contains(resource.type())) {
        continue;
      }
      Set<String> needs = new LinkedHashSet<>(Intrinsics.references(resource.properties()));
      needs.addAll(resource.dependsOn());
      needs.removeIf(
          id -> id.equals(resource.logicalId())
              || !template.resources().containsKey(id)
              || !types.contains(template.resources().get(id).type()));
      pending.put(resource.logicalId(), needs);
    }
    List<Template.Resource> ordered = new ArrayList<>();
    while (!pending.isEmpty()) {
      String ready =
          pending.entrySet().stream()
              .filter(e -> e.getValue().isEmpty())
              .map(Map.Entry::getKey)
              .findFirst()
              .orElseThrow(
                  () -> new ProvisioningException(
                      "template " + template.file() + ": these resources refer to each other in a cycle: "
                          + String.join(", ", pending.keySet())));
      pending.remove(ready);
      pending.values().forEach(needs -> needs.remove(ready));
      ordered.add(template.resources().get(ready));
    }
    return ordered;
  }
}
