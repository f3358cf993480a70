package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Accounts;
import dev.cognate.service.Directory;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** AdminDeleteUser: the user goes, and so do their sign-in sessions. */
public final class AdminDeleteUserOperation implements Operation<AdminDeleteUserOperation.AdminDeleteUserRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final Accounts accounts;

  public AdminDeleteUserOperation(Directory directory, Users users, Accounts accounts) {
    this.directory = directory;
    this.users = users;
    this.accounts = accounts;
  }

  public record AdminDeleteUserRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username) {}

  @Override
  public String name() {
    return "AdminDeleteUser";
  }

  @Override
  public Class<AdminDeleteUserRequest> requestType() {
    return AdminDeleteUserRequest.class;
  }

  @Override
  public Empty handle(AdminDeleteUserRequest request, RequestContext context) {
    accounts.delete(users.require(directory.pool(request.UserPoolId()), request.Username()));
    return new Empty();
  }
}
