package dev.cognate.operation;

import dev.cognate.operation.wire.GroupType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.Groups;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Range;
import dev.cognate.validation.Required;

/** CreateGroup: a new group, its name unique in the pool. */
public final class CreateGroupOperation
    implements Operation<CreateGroupOperation.CreateGroupRequest, CreateGroupOperation.CreateGroupResponse> {
  private final Directory directory;
  private final Groups groups;

  public CreateGroupOperation(Directory directory, Groups groups) {
    this.directory = directory;
    this.groups = groups;
  }

  public record CreateGroupRequest(
      @Required @Length(min = 1, max = 128) @Pattern(Shapes.GROUP_NAME) String GroupName,
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Length(max = 2048) String Description,
      @Length(min = 20, max = 2048) @Pattern(Shapes.ARN) String RoleArn,
      @Range(min = 0) Integer Precedence) {}

  public record CreateGroupResponse(GroupType Group) {}

  @Override
  public String name() {
    return "CreateGroup";
  }

  @Override
  public Class<CreateGroupRequest> requestType() {
    return CreateGroupRequest.class;
  }

  @Override
  public CreateGroupResponse handle(CreateGroupRequest request, RequestContext context) {
    return new CreateGroupResponse(
        GroupType.of(
            groups.create(
                directory.pool(request.UserPoolId()),
                request.GroupName(),
                new Groups.Settings(request.Description(), request.RoleArn(), request.Precedence()))));
  }
}
