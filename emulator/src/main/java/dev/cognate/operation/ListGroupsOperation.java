package dev.cognate.operation;

import dev.cognate.domain.Group;
import dev.cognate.operation.wire.GroupType;
import dev.cognate.operation.wire.ListLimits;
import dev.cognate.operation.wire.PageTokens;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.Groups;
import dev.cognate.storage.Page;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Range;
import dev.cognate.validation.Required;
import java.util.List;

/** ListGroups: a pool's groups in creation order. */
public final class ListGroupsOperation
    implements Operation<ListGroupsOperation.ListGroupsRequest, ListGroupsOperation.ListGroupsResponse> {
  private final Directory directory;
  private final Groups groups;

  public ListGroupsOperation(Directory directory, Groups groups) {
    this.directory = directory;
    this.groups = groups;
  }

  public record ListGroupsRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Range(min = 0, max = 60) Integer Limit,
      @Length(min = 1) @Pattern(Shapes.PAGINATION_KEY) String NextToken) {}

  public record ListGroupsResponse(List<GroupType> Groups, String NextToken) {}

  @Override
  public String name() {
    return "ListGroups";
  }

  @Override
  public Class<ListGroupsRequest> requestType() {
    return ListGroupsRequest.class;
  }

  @Override
  public ListGroupsResponse handle(ListGroupsRequest request, RequestContext context) {
    Page<Group> page =
        groups.list(
            directory.pool(request.UserPoolId()), PageTokens.after(request.NextToken()), ListLimits.of(request.Limit()));
    return new ListGroupsResponse(page.items().stream().map(GroupType::of).toList(), PageTokens.next(page));
  }
}
