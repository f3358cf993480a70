package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.Groups;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** AdminAddUserToGroup: puts the user in the group; a user already there stays, once. */
public final class AdminAddUserToGroupOperation implements Operation<AdminAddUserToGroupOperation.AdminAddUserToGroupRequest, Empty> {
  private final Directory directory;
  private final Groups groups;

  public AdminAddUserToGroupOperation(Directory directory, Groups groups) {
    this.directory = directory;
    this.groups = groups;
  }

  public record AdminAddUserToGroupRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      @Required @Length(min = 1, max = 128) @Pattern(Shapes.GROUP_NAME) String GroupName) {}

  @Override
  public String name() {
    return "AdminAddUserToGroup";
  }

  @Override
  public Class<AdminAddUserToGroupRequest> requestType() {
    return AdminAddUserToGroupRequest.class;
  }

  @Override
  public Empty handle(AdminAddUserToGroupRequest request, RequestContext context) {
    groups.addMember(directory.pool(request.UserPoolId()), request.GroupName(), request.Username());
    return new Empty();
  }
}
