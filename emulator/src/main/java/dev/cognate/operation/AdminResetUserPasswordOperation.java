package dev.cognate.operation;

import dev.cognate.domain.UserPool;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.PasswordResets;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.Map;

/** AdminResetUserPassword: the user must reset their password with a code before signing in again. */
public final class AdminResetUserPasswordOperation
    implements Operation<AdminResetUserPasswordOperation.AdminResetUserPasswordRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final PasswordResets resets;

  public AdminResetUserPasswordOperation(Directory directory, Users users, PasswordResets resets) {
    this.directory = directory;
    this.users = users;
    this.resets = resets;
  }

  public record AdminResetUserPasswordRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      Map<String, String> ClientMetadata) {}

  @Override
  public String name() {
    return "AdminResetUserPassword";
  }

  @Override
  public Class<AdminResetUserPasswordRequest> requestType() {
    return AdminResetUserPasswordRequest.class;
  }

  @Override
  public Empty handle(AdminResetUserPasswordRequest request, RequestContext context) {
    UserPool pool = directory.pool(request.UserPoolId());
    resets.resetByAdministrator(pool, users.require(pool, request.Username()));
    return new Empty();
  }
}
