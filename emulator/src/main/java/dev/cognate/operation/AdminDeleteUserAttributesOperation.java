package dev.cognate.operation;

import dev.cognate.domain.UserPool;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.UserAttributes;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.List;

/** AdminDeleteUserAttributes: an administrator deletes attributes of a user; required ones stay. */
public final class AdminDeleteUserAttributesOperation
    implements Operation<AdminDeleteUserAttributesOperation.AdminDeleteUserAttributesRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final UserAttributes attributes;

  public AdminDeleteUserAttributesOperation(Directory directory, Users users, UserAttributes attributes) {
    this.directory = directory;
    this.users = users;
    this.attributes = attributes;
  }

  public record AdminDeleteUserAttributesRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      @Required List<String> UserAttributeNames) {}

  @Override
  public String name() {
    return "AdminDeleteUserAttributes";
  }

  @Override
  public Class<AdminDeleteUserAttributesRequest> requestType() {
    return AdminDeleteUserAttributesRequest.class;
  }

  @Override
  public Empty handle(AdminDeleteUserAttributesRequest request, RequestContext context) {
    UserPool pool = directory.pool(request.UserPoolId());
    attributes.delete(
        pool, users.require(pool, request.Username()), request.UserAttributeNames(),
        UserAttributes.Writer.ADMINISTRATOR);
    return new Empty();
  }
}
