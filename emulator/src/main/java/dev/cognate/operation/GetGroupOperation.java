package dev.cognate.operation;

import dev.cognate.operation.wire.GroupType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.Groups;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;

/** GetGroup. */
public final class GetGroupOperation
    implements Operation<GetGroupOperation.GetGroupRequest, GetGroupOperation.GetGroupResponse> {
  private final Directory directory;
  private final Groups groups;

  public GetGroupOperation(Directory directory, Groups groups) {
    this.directory = directory;
    this.groups = groups;
  }

  public record GetGroupRequest(
      @Required @Length(min = 1, max = 128) @Pattern(Shapes.GROUP_NAME) String GroupName,
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId) {}

  public record GetGroupResponse(GroupType Group) {}

  @Override
  public String name() {
    return "GetGroup";
  }

  @Override
  public Class<GetGroupRequest> requestType() {
    return GetGroupRequest.class;
  }

  @Override
  public GetGroupResponse handle(GetGroupRequest request, RequestContext context) {
    return new GetGroupResponse(
        GroupType.of(groups.require(directory.pool(request.UserPoolId()), request.GroupName())));
  }
}
