package dev.cognate.provision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one provisioning run created or kept, in the order it went: the templates' resources, then seeded users.
 *
 * @param warnings the warning lines it logged, one per resource with properties Cognate does not act on
 */
public record Provisioned(List<ProvisionedResource> resources, List<String> warnings) {
  /** The type of a seeded user's entry; it has no logical id in a template. */
  public static final String SEEDED_USER = "Cognate::SeedUser";

  public static final Provisioned NOTHING = new Provisioned(List.of(), List.of());

  public Provisioned {
    resources = List.copyOf(resources);
    warnings = List.copyOf(warnings);
  }

  /** The templates' resources: logical id to physical id ({@code UserPool -> us-east-1_AbC123xyZ}). */
  public Map<String, String> ids() {
    Map<String, String> ids = new LinkedHashMap<>();
    templateResources().forEach(r -> ids.put(r.logicalId(), r.physicalId()));
    return ids;
  }

  /** The template resource with this logical id. */
  public Optional<ProvisionedResource> find(String logicalId) {
    return templateResources().stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
  }

  public List<ProvisionedResource> templateResources() {
    return resources.stream().filter(r -> !r.type().equals(SEEDED_USER)).toList();
  }

  /** One line per resource, as the standalone server prints them. */
  public List<String> lines() {
    return resources.stream().map(ProvisionedResource::line).toList();
  }
}
