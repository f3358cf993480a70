package dev.cognate.provision;

import dev.cognate.CognateConfig;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.OperationRegistry;
import dev.cognate.operation.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates what the configured templates and seed files describe and is missing, through the emulator's own
 * operations. Ids are stable, so running it again (a restart on the file database, or after a reset) keeps what is
 * there and creates only the rest.
 */
public final class Provisioning {
  private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);
  /** Each understood resource kind by its CloudFormation type. */
  private static final Map<String, ResourceKind> KINDS =
      Stream.of(
              new UserPoolKind(),
              new UserPoolClientKind(),
              new UserPoolGroupKind(),
              new UserPoolUserKind(),
              new UserPoolDomainKind(),
              new UserPoolResourceServerKind(),
              new UserToGroupAttachmentKind())
          .collect(Collectors.toUnmodifiableMap(ResourceKind::type, kind -> kind));

  private final CognateConfig config;
  private final OperationRegistry registry;

  public Provisioning(CognateConfig config, OperationRegistry registry) {
    this.config = config;
    this.registry = registry;
  }

  /**
   * Provisions every template, in order, then every seed file.
   *
   * @throws ProvisioningException with a one-line message naming the file, the resource and Cognito's refusal
   */
  public Provisioned provision() {
    if (config.templates().isEmpty() && config.seeds().isEmpty()) {
      return Provisioned.NOTHING;
    }
    String issuerBase = config.issuer().orElse("http://" + config.host() + ":" + config.port());
    Calls calls = new Calls(registry, new RequestContext(issuerBase, config.region(), config.accountId()));
    List<Template> templates = config.templates().stream().map(TemplateParser::read).toList();
    checkUniqueLogicalIds(templates);
    Map<String, ProvisionedResource> done = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (Template template : templates) {
      provision(template, calls, done, warnings);
    }
    List<ProvisionedResource> all = new ArrayList<>(done.values());
    for (Location seed : config.seeds()) {
      all.addAll(SeedUsers.provision(seed, calls, done));
    }
    return new Provisioned(all, warnings);
  }

  private void provision(
      Template template, Calls calls, Map<String, ProvisionedResource> done, List<String> warnings) {
    Map<String, String> pseudo = PseudoParameters.of(config.region(), config.accountId(), template.stack());
    Intrinsics intrinsics = new Intrinsics(template, pseudo, done);
    for (Template.Resource resource : DependencyOrder.of(template, KINDS.keySet())) {
      ResourceKind kind = KINDS.get(resource.type());
      Map<String, Object> properties = new LinkedHashMap<>();
      Set<String> notEmulated = new TreeSet<>();
      Set<String> storedOnly = new TreeSet<>();
      List<String> unresolved = new ArrayList<>();
      resource.properties().forEach((name, value) -> {
        if (!kind.understood().contains(name)) {
          notEmulated.add(name);
          return;
        }
        if (kind.storedOnly().contains(name)) {
          storedOnly.add(name);
        }
        try {
          properties.put(name, intrinsics.resolve(value));
        } catch (Intrinsics.Unresolved e) {
          unresolved.add(name + " (" + e.getMessage() + ")");
        }
      });
      warning(template, resource, notEmulated, storedOnly, unresolved).ifPresent(line -> {
        LOG.warn(line);
        warnings.add(line);
      });
      checkNotShared(template, resource, done);
      try {
        done.put(resource.logicalId(), kind.provision(new ResourceKind.Target(template, resource, properties, calls)));
      } catch (CognitoException e) {
        throw new ProvisioningException(
            "template " + template.file() + ", " + resource.logicalId() + " (" + resource.type() + "): "
                + e.type().code() + ": " + e.getMessage());
      }
    }
  }

  /**
   * A pinned id may name what another resource already provisioned: a pool would then be "kept" and two logical ids
   * would silently share it; a client of another pool would hit the database's unique key. Checked before creating.
   */
  private static void checkNotShared(
      Template template, Template.Resource resource, Map<String, ProvisionedResource> done) {
    String pinned = resource.pinnedId();
    if (pinned == null) {
      return;
    }
    for (ProvisionedResource earlier : done.values()) {
      if (earlier.type().equals(resource.type()) && earlier.physicalId().equals(pinned)) {
        throw new ProvisioningException(
            "template " + template.file() + ", " + resource.logicalId() + " (" + resource.type() + "): its id "
                + pinned + " is already " + earlier.logicalId() + "'s");
      }
    }
  }

  private static Optional<String> warning(
      Template template, Template.Resource resource, Set<String> notEmulated, Set<String> storedOnly,
      List<String> unresolved) {
    List<String> parts = new ArrayList<>();
    if (resource.condition() != null) {
      parts.add("Condition " + resource.condition() + " is not evaluated, provisioned anyway");
    }
    if (!notEmulated.isEmpty()) {
      parts.add("not emulated, ignored: " + String.join(", ", notEmulated));
    }
    if (!storedOnly.isEmpty()) {
      parts.add("stored but without effect in Cognate: " + String.join(", ", storedOnly));
    }
    if (!unresolved.isEmpty()) {
      parts.add("not resolved, ignored: " + String.join(", ", unresolved));
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "template " + template.file() + ", " + resource.logicalId() + " (" + resource.type() + "): "
            + String.join("; ", parts));
  }

  /** Logical ids name resources in seed files and in {@code Cognate.resource(...)}, so two templates may not share one. */
  private static void checkUniqueLogicalIds(List<Template> templates) {
    Map<String, String> fileOf = new LinkedHashMap<>();
    for (Template template : templates) {
      for (Template.Resource resource : template.resources().values()) {
        if (!KINDS.containsKey(resource.type())) {
          continue;
        }
        String earlier = fileOf.putIfAbsent(resource.logicalId(), template.file());
        if (earlier != null) {
          throw new ProvisioningException(
              "template " + template.file() + ", " + resource.logicalId() + ": the logical id is also used in "
                  + earlier + "; logical ids must be unique across templates");
        }
      }
    }
  }
}
