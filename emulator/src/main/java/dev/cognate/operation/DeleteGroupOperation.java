package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.Groups;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;

/** DeleteGroup: the group goes, and its memberships with it. */
public final class DeleteGroupOperation implements Operation<DeleteGroupOperation.DeleteGroupRequest, Empty> {
  private final Directory directory;
  private final Groups groups;

  public DeleteGroupOperation(Directory directory, Groups groups) {
    this.directory = directory;
    this.groups = groups;
  }

  public record DeleteGroupRequest(
      @Required @Length(min = 1, max = 128) @Pattern(Shapes.GROUP_NAME) String GroupName,
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId) {}

  @Override
  public String name() {
    return "DeleteGroup";
  }

  @Override
  public Class<DeleteGroupRequest> requestType() {
    return DeleteGroupRequest.class;
  }

  @Override
  public Empty handle(DeleteGroupRequest request, RequestContext context) {
    groups.delete(directory.pool(request.UserPoolId()), request.GroupName());
    return new Empty();
  }
}
