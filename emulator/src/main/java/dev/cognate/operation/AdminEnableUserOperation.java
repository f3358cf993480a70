package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Accounts;
import dev.cognate.service.Directory;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** AdminEnableUser: the user may sign in again. */
public final class AdminEnableUserOperation
    implements Operation<AdminEnableUserOperation.AdminEnableUserRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final Accounts accounts;

  public AdminEnableUserOperation(Directory directory, Users users, Accounts accounts) {
    this.directory = directory;
    this.users = users;
    this.accounts = accounts;
  }

  public record AdminEnableUserRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username) {}

  @Override
  public String name() {
    return "AdminEnableUser";
  }

  @Override
  public Class<AdminEnableUserRequest> requestType() {
    return AdminEnableUserRequest.class;
  }

  @Override
  public Empty handle(AdminEnableUserRequest request, RequestContext context) {
    accounts.enable(users.require(directory.pool(request.UserPoolId()), request.Username()));
    return new Empty();
  }
}
