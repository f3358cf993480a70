package dev.cognate.operation;

import dev.cognate.domain.UserPool;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.PasswordChanges;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** AdminSetUserPassword: a permanent or temporary password set by an administrator. */
public final class AdminSetUserPasswordOperation
    implements Operation<AdminSetUserPasswordOperation.AdminSetUserPasswordRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final PasswordChanges changes;

  public AdminSetUserPasswordOperation(Directory directory, Users users, PasswordChanges changes) {
    this.directory = directory;
    this.users = users;
    this.changes = changes;
  }

  public record AdminSetUserPasswordRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      @Required @Sensitive @Length(max = 256) @Pattern(Shapes.PASSWORD) String Password,
      Boolean Permanent) {}

  @Override
  public String name() {
    return "AdminSetUserPassword";
  }

  @Override
  public Class<AdminSetUserPasswordRequest> requestType() {
    return AdminSetUserPasswordRequest.class;
  }

  @Override
  public Empty handle(AdminSetUserPasswordRequest request, RequestContext context) {
    UserPool pool = directory.pool(request.UserPoolId());
    changes.byAdministrator(
        pool, users.require(pool, request.Username()), request.Password(), Boolean.TRUE.equals(request.Permanent()));
    return new Empty();
  }
}
