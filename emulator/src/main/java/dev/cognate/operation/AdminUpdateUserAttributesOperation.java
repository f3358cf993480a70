package dev.cognate.operation;

import dev.cognate.domain.UserPool;
import dev.cognate.operation.wire.AttributeType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.UserAttributes;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.List;
import java.util.Map;

/**
 * AdminUpdateUserAttributes: an administrator sets a user's attributes, developer-only ones and verified flags
 * included; {@code email_verified: true} beside a new e-mail address skips its verification.
 */
public final class AdminUpdateUserAttributesOperation
    implements Operation<AdminUpdateUserAttributesOperation.AdminUpdateUserAttributesRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final UserAttributes attributes;

  public AdminUpdateUserAttributesOperation(Directory directory, Users users, UserAttributes attributes) {
    this.directory = directory;
    this.users = users;
    this.attributes = attributes;
  }

  public record AdminUpdateUserAttributesRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      @Required List<AttributeType> UserAttributes,
      Map<String, String> ClientMetadata) {}

  @Override
  public String name() {
    return "AdminUpdateUserAttributes";
  }

  @Override
  public Class<AdminUpdateUserAttributesRequest> requestType() {
    return AdminUpdateUserAttributesRequest.class;
  }

  @Override
  public Empty handle(AdminUpdateUserAttributesRequest request, RequestContext context) {
    UserPool pool = directory.pool(request.UserPoolId());
    attributes.update(
        pool,
        users.require(pool, request.Username()),
        AttributeInputs.of(request.UserAttributes()),
        UserAttributes.Writer.ADMINISTRATOR);
    return new Empty();
  }
}
