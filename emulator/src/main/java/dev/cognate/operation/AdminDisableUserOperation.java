package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Accounts;
import dev.cognate.service.Directory;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** AdminDisableUser: the user can no longer sign in or refresh, and their sessions are revoked. */
public final class AdminDisableUserOperation
    implements Operation<AdminDisableUserOperation.AdminDisableUserRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final Accounts accounts;

  public AdminDisableUserOperation(Directory directory, Users users, Accounts accounts) {
    this.directory = directory;
    this.users = users;
    this.accounts = accounts;
  }

  public record AdminDisableUserRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username) {}

  @Override
  public String name() {
    return "AdminDisableUser";
  }

  @Override
  public Class<AdminDisableUserRequest> requestType() {
    return AdminDisableUserRequest.class;
  }

  @Override
  public Empty handle(AdminDisableUserRequest request, RequestContext context) {
    accounts.disable(users.require(directory.pool(request.UserPoolId()), request.Username()));
    return new Empty();
  }
}
