package dev.cognate.provision;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.operation.AdminCreateUserOperation.AdminCreateUserRequest;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::Cognito::UserPoolUser}: AdminCreateUser, so the user waits in {@code FORCE_CHANGE_PASSWORD} with an
 * invitation in the outbox, as on AWS; {@code Username} defaults to the logical id. A user with a known password is
 * what a seed file gives.
 */
final class UserPoolUserKind implements ResourceKind {

  @Override
  public String type() {
    return "AWS::Cognito::UserPoolUser";
  }

  @Override
  public Set<String> understood() {
    Set<String> names = new LinkedHashSet<>(ResourceKind.members(AdminCreateUserRequest.class));
    names.remove("TemporaryPassword");
    return names;
  }

  @Override
  public ProvisionedResource provision(Target target) {
    String poolId = target.required("UserPoolId");
    String username = String.valueOf(target.properties().getOrDefault("Username", target.logicalId()));
    Map<String, Object> body = ResourceKind.passThrough(target.properties(), AdminCreateUserRequest.class);
    body.remove("TemporaryPassword");
    body.put("Username", username);
    boolean kept =
        target.calls().exists("AdminGetUser", Map.of("UserPoolId", poolId, "Username", username))
            || !target.calls().created("AdminCreateUser", body, CognitoErrorType.USERNAME_EXISTS);
    return target.result(username, Map.of(), kept);
  }
}
