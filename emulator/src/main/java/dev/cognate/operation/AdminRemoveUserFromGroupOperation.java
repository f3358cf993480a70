package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.Groups;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** AdminRemoveUserFromGroup: takes the user out of the group; a user not in it is no error. */
public final class AdminRemoveUserFromGroupOperation implements Operation<AdminRemoveUserFromGroupOperation.AdminRemoveUserFromGroupRequest, Empty> {
  private final Directory directory;
  private final Groups groups;

  public AdminRemoveUserFromGroupOperation(Directory directory, Groups groups) {
    this.directory = directory;
    this.groups = groups;
  }

  public record AdminRemoveUserFromGroupRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      @Required @Length(min = 1, max = 128) @Pattern(Shapes.GROUP_NAME) String GroupName) {}

  @Override
  public String name() {
    return "AdminRemoveUserFromGroup";
  }

  @Override
  public Class<AdminRemoveUserFromGroupRequest> requestType() {
    return AdminRemoveUserFromGroupRequest.class;
  }

  @Override
  public Empty handle(AdminRemoveUserFromGroupRequest request, RequestContext context) {
    groups.removeMember(directory.pool(request.UserPoolId()), request.GroupName(), request.Username());
    return new Empty();
  }
}
