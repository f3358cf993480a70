package dev.cognate.operation;

import dev.cognate.operation.wire.GroupType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.Groups;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Range;
import dev.cognate.validation.Required;

/** UpdateGroup: changes the description, role or precedence given; the others stay. */
public final class UpdateGroupOperation
    implements Operation<UpdateGroupOperation.UpdateGroupRequest, UpdateGroupOperation.UpdateGroupResponse> {
  private final Directory directory;
  private final Groups groups;

  public UpdateGroupOperation(Directory directory, Groups groups) {
    this.directory = directory;
    this.groups = groups;
  }

  public record UpdateGroupRequest(
      @Required @Length(min = 1, max = 128) @Pattern(Shapes.GROUP_NAME) String GroupName,
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Length(max = 2048) String Description,
      @Length(min = 20, max = 2048) @Pattern(Shapes.ARN) String RoleArn,
      @Range(min = 0) Integer Precedence) {}

  public record UpdateGroupResponse(GroupType Group) {}

  @Override
  public String name() {
    return "UpdateGroup";
  }

  @Override
  public Class<UpdateGroupRequest> requestType() {
    return UpdateGroupRequest.class;
  }

  @Override
  public UpdateGroupResponse handle(UpdateGroupRequest request, RequestContext context) {
    return new UpdateGroupResponse(
        GroupType.of(
            groups.update(
                directory.pool(request.UserPoolId()),
                request.GroupName(),
                new Groups.Settings(request.Description(), request.RoleArn(), request.Precedence()))));
  }
}
