package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.domain.UserPool;
import dev.cognate.service.SignUpConfirmation;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.Map;

/** AdminConfirmSignUp: confirms a user without a code. */
public final class AdminConfirmSignUpOperation
    implements Operation<AdminConfirmSignUpOperation.AdminConfirmSignUpRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final SignUpConfirmation confirmation;

  public AdminConfirmSignUpOperation(Directory directory, Users users, SignUpConfirmation confirmation) {
    this.directory = directory;
    this.users = users;
    this.confirmation = confirmation;
  }

  public record AdminConfirmSignUpRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      Map<String, String> ClientMetadata) {}

  @Override
  public String name() {
    return "AdminConfirmSignUp";
  }

  @Override
  public Class<AdminConfirmSignUpRequest> requestType() {
    return AdminConfirmSignUpRequest.class;
  }

  @Override
  public Empty handle(AdminConfirmSignUpRequest request, RequestContext context) {
    UserPool pool = directory.pool(request.UserPoolId());
    confirmation.byAdministrator(pool, users.require(pool, request.Username()));
    return new Empty();
  }
}
