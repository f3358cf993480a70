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
import dev.cognate.validation.Sensitive;
import java.util.List;

/** AdminListGroupsForUser: the user's groups in the groups' creation order. */
public final class AdminListGroupsForUserOperation
    implements Operation<
        AdminListGroupsForUserOperation.AdminListGroupsForUserRequest,
        AdminListGroupsForUserOperation.AdminListGroupsForUserResponse> {
  private final Directory directory;
  private final Groups groups;

  public AdminListGroupsForUserOperation(Directory directory, Groups groups) {
    this.directory = directory;
    this.groups = groups;
  }

  public record AdminListGroupsForUserRequest(
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Range(min = 0, max = 60) Integer Limit,
      @Length(min = 1) @Pattern(Shapes.PAGINATION_KEY) String NextToken) {}

  public record AdminListGroupsForUserResponse(List<GroupType> Groups, String NextToken) {}

  @Override
  public String name() {
    return "AdminListGroupsForUser";
  }

  @Override
  public Class<AdminListGroupsForUserRequest> requestType() {
    return AdminListGroupsForUserRequest.class;
  }

  @Override
  public AdminListGroupsForUserResponse handle(AdminListGroupsForUserRequest request, RequestContext context) {
    Page<Group> page =
        groups.groupsOf(
            directory.pool(request.UserPoolId()),
            request.Username(),
            PageTokens.after(request.NextToken()),
            ListLimits.of(request.Limit()));
    return new AdminListGroupsForUserResponse(
        page.items().stream().map(GroupType::of).toList(), PageTokens.next(page));
  }
}
