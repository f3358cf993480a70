package dev.cognate.operation;

import dev.cognate.domain.User;
import dev.cognate.operation.wire.ListLimits;
import dev.cognate.operation.wire.PageTokens;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.operation.wire.UserType;
import dev.cognate.service.Directory;
import dev.cognate.service.Groups;
import dev.cognate.storage.Page;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Range;
import dev.cognate.validation.Required;
import java.util.List;

/** ListUsersInGroup: the group's members in the users' creation order, with all their attributes. */
public final class ListUsersInGroupOperation
    implements Operation<
        ListUsersInGroupOperation.ListUsersInGroupRequest, ListUsersInGroupOperation.ListUsersInGroupResponse> {
  private final Directory directory;
  private final Groups groups;

  public ListUsersInGroupOperation(Directory directory, Groups groups) {
    this.directory = directory;
    this.groups = groups;
  }

  public record ListUsersInGroupRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 128) @Pattern(Shapes.GROUP_NAME) String GroupName,
      @Range(min = 0, max = 60) Integer Limit,
      @Length(min = 1) @Pattern(Shapes.PAGINATION_KEY) String NextToken) {}

  public record ListUsersInGroupResponse(List<UserType> Users, String NextToken) {}

  @Override
  public String name() {
    return "ListUsersInGroup";
  }

  @Override
  public Class<ListUsersInGroupRequest> requestType() {
    return ListUsersInGroupRequest.class;
  }

  @Override
  public ListUsersInGroupResponse handle(ListUsersInGroupRequest request, RequestContext context) {
    Page<User> page =
        groups.members(
            directory.pool(request.UserPoolId()),
            request.GroupName(),
            PageTokens.after(request.NextToken()),
            ListLimits.of(request.Limit()));
    return new ListUsersInGroupResponse(
        page.items().stream().map(u -> UserType.of(u, u.attributes())).toList(), PageTokens.next(page));
  }
}
