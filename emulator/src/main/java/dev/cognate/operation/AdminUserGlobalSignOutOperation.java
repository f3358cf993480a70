package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Accounts;
import dev.cognate.service.Directory;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** AdminUserGlobalSignOut: revokes every sign-in session of the user, as GlobalSignOut does by token. */
public final class AdminUserGlobalSignOutOperation
    implements Operation<AdminUserGlobalSignOutOperation.AdminUserGlobalSignOutRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final Accounts accounts;

  public AdminUserGlobalSignOutOperation(Directory directory, Users users, Accounts accounts) {
    this.directory = directory;
    this.users = users;
    this.accounts = accounts;
  }

  public record AdminUserGlobalSignOutRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username) {}

  @Override
  public String name() {
    return "AdminUserGlobalSignOut";
  }

  @Override
  public Class<AdminUserGlobalSignOutRequest> requestType() {
    return AdminUserGlobalSignOutRequest.class;
  }

  @Override
  public Empty handle(AdminUserGlobalSignOutRequest request, RequestContext context) {
    accounts.signOutEverywhere(users.require(directory.pool(request.UserPoolId()), request.Username()));
    return new Empty();
  }
}
