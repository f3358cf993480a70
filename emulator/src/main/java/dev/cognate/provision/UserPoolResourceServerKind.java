package dev.cognate.provision;

import dev.cognate.operation.CreateResourceServerOperation.CreateResourceServerRequest;
import java.util.Map;
import java.util.Set;

/** {@code AWS::Cognito::UserPoolResourceServer}: CreateResourceServer; {@code Ref} gives the identifier. */
final class UserPoolResourceServerKind implements ResourceKind {

  @Override
  public String type() {
    return "AWS::Cognito::UserPoolResourceServer";
  }

  @Override
  public Set<String> understood() {
    return ResourceKind.members(CreateResourceServerRequest.class);
  }

  @Override
  public ProvisionedResource provision(Target target) {
    String poolId = target.required("UserPoolId");
    String identifier = target.required("Identifier");
    boolean kept =
        target.calls().exists("DescribeResourceServer", Map.of("UserPoolId", poolId, "Identifier", identifier));
    if (!kept) {
      target.calls().call(
          "CreateResourceServer", ResourceKind.passThrough(target.properties(), CreateResourceServerRequest.class));
    }
    return target.result(identifier, Map.of(), kept);
  }
}
