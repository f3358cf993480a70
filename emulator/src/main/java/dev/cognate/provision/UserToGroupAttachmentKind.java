package dev.cognate.provision;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code AWS::Cognito::UserPoolUserToGroupAttachment}: AdminAddUserToGroup. */
final class UserToGroupAttachmentKind implements ResourceKind {

  @Override
  public String type() {
    return "AWS::Cognito::UserPoolUserToGroupAttachment";
  }

  @Override
  public Set<String> understood() {
    return Set.of("GroupName", "Username", "UserPoolId");
  }

  @Override
  public ProvisionedResource provision(Target target) {
    Map<String, Object> body =
        Map.of(
            "UserPoolId", target.required("UserPoolId"),
            "Username", target.required("Username"),
            "GroupName", target.required("GroupName"));
    List<?> groups =
        target.calls().list(
            "AdminListGroupsForUser",
            Map.of("UserPoolId", body.get("UserPoolId"), "Username", body.get("Username"), "Limit", 60),
            "Groups");
    boolean kept =
        groups.stream().anyMatch(g -> body.get("GroupName").equals(TemplateParser.map(g).get("GroupName")));
    if (!kept) {
      target.calls().call("AdminAddUserToGroup", body);
    }
    return target.result(body.get("Username") + "/" + body.get("GroupName"), Map.of(), kept);
  }
}
