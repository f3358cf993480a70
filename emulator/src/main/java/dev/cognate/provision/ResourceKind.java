package dev.cognate.provision;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** How one CloudFormation resource type becomes Cognito calls. One implementation per type. */
interface ResourceKind {

  /** The CloudFormation type, such as {@code AWS::Cognito::UserPool}. */
  String type();

  /** The CloudFormation properties this kind acts on; the others are named in the resource's warning line. */
  Set<String> understood();

  /** Properties that are stored and read back but have no effect in Cognate, named in the warning line too. */
  default Set<String> storedOnly() {
    return Set.of();
  }

  /** Creates the resource unless it exists already; {@code target.properties()} are resolved. */
  ProvisionedResource provision(Target target);

  /** The names of a request record's members: the CloudFormation properties that pass through unchanged. */
  static Set<String> members(Class<? extends Record> request) {
    Set<String> names = new LinkedHashSet<>();
    for (RecordComponent component : request.getRecordComponents()) {
      names.add(component.getName());
    }
    return names;
  }

  /** The properties that are members of {@code request}, as a request body. */
  static Map<String, Object> passThrough(Map<String, Object> properties, Class<? extends Record> request) {
    Set<String> members = members(request);
    Map<String, Object> body = new LinkedHashMap<>();
    properties.forEach((name, value) -> {
      if (members.contains(name)) {
        body.put(name, value);
      }
    });
    return body;
  }

  /**
   * One resource on its way to being provisioned.
   *
   * @param properties its properties with every intrinsic function resolved
   */
  record Target(Template template, Template.Resource resource, Map<String, Object> properties, Calls calls) {

    String logicalId() {
      return resource.logicalId();
    }

    String region() {
      return calls.context().region();
    }

    /** A required property; a missing one fails provisioning with the resource named. */
    String required(String property) {
      Object value = properties.get(property);
      if (value == null) {
        throw new ProvisioningException(
            "template " + template.file() + ", " + logicalId() + ": " + resource.type() + " needs " + property);
      }
      return String.valueOf(value);
    }

    /** Stops provisioning with one line naming the file and the resource, as Cognito's refusals are named. */
    ProvisioningException refused(String reason) {
      return new ProvisioningException(
          "template " + template.file() + ", " + logicalId() + " (" + resource.type() + "): " + reason);
    }

    ProvisionedResource result(String physicalId, Map<String, String> attributes, boolean kept) {
      return new ProvisionedResource(logicalId(), resource.type(), physicalId, attributes, kept);
    }
  }
}
