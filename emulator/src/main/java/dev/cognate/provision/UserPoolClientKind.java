package dev.cognate.provision;

import dev.cognate.operation.CreateUserPoolClientOperation;
import dev.cognate.operation.CreateUserPoolClientOperation.CreateUserPoolClientRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::Cognito::UserPoolClient}: CreateUserPoolClient under the stable id, with the stable secret when
 * {@code GenerateSecret} is true. The properties are the API's; {@code ClientName} defaults to the logical id.
 */
final class UserPoolClientKind implements ResourceKind {

  @Override
  public String type() {
    return "AWS::Cognito::UserPoolClient";
  }

  @Override
  public Set<String> understood() {
    Set<String> names = new LinkedHashSet<>(ResourceKind.members(CreateUserPoolClientRequest.class));
    names.remove("ClientSecret");
    return names;
  }

  @Override
  public Set<String> storedOnly() {
    return Set.of("AnalyticsConfiguration");
  }

  @Override
  public ProvisionedResource provision(Target target) {
    String poolId = target.required("UserPoolId");
    String stack = target.template().stack();
    String pinned = target.resource().pinnedId();
    String id = pinned != null ? pinned : StableIds.clientId(stack, target.logicalId());
    boolean kept = target.calls().exists("DescribeUserPoolClient", Map.of("UserPoolId", poolId, "ClientId", id));
    if (!kept) {
      Map<String, Object> body = ResourceKind.passThrough(target.properties(), CreateUserPoolClientRequest.class);
      body.remove("ClientSecret");
      body.putIfAbsent("ClientName", target.logicalId());
      CreateUserPoolClientOperation create =
          target.calls().operation("CreateUserPoolClient", CreateUserPoolClientOperation.class);
      // The id derives from the stack and logical id, not the pool: a template that moved the client to another
      // pool meets the client an earlier start made. Provisioning runs one at a time and API ids are random, so
      // nothing takes the id between this look and the create.
      if (create.idTaken(id)) {
        throw target.refused(
            "its id " + id + " is a client of another pool (the template moved it?); give it another logical id, or"
                + " start from an empty database");
      }
      target.calls().call(
          create,
          body,
          (request, context) ->
              create.create(request, context, id, () -> StableIds.clientSecret(stack, target.logicalId())));
    }
    Map<String, Object> client =
        target.calls().member("DescribeUserPoolClient", Map.of("UserPoolId", poolId, "ClientId", id), "UserPoolClient");
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("ClientId", id);
    attributes.put("Name", String.valueOf(client.get("ClientName")));
    if (client.get("ClientSecret") != null) {
      attributes.put("ClientSecret", String.valueOf(client.get("ClientSecret")));
    }
    return target.result(id, attributes, kept);
  }
}
