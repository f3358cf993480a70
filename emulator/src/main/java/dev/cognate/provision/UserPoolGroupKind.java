package dev.cognate.provision;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.operation.CreateGroupOperation.CreateGroupRequest;
import java.util.Map;
import java.util.Set;

/** {@code AWS::Cognito::UserPoolGroup}: CreateGroup; {@code GroupName} defaults to the logical id. */
final class UserPoolGroupKind implements ResourceKind {

  @Override
  public String type() {
    return "AWS::Cognito::UserPoolGroup";
  }

  @Override
  public Set<String> understood() {
    return ResourceKind.members(CreateGroupRequest.class);
  }

  @Override
  public Set<String> storedOnly() {
    return Set.of("RoleArn");
  }

  @Override
  public ProvisionedResource provision(Target target) {
    String poolId = target.required("UserPoolId");
    String name = String.valueOf(target.properties().getOrDefault("GroupName", target.logicalId()));
    Map<String, Object> body = ResourceKind.passThrough(target.properties(), CreateGroupRequest.class);
    body.put("GroupName", name);
    boolean kept =
        target.calls().exists("GetGroup", Map.of("GroupName", name, "UserPoolId", poolId))
            || !target.calls().created("CreateGroup", body, CognitoErrorType.GROUP_EXISTS);
    return target.result(name, Map.of(), kept);
  }
}
