package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.Directory;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.service.UserAttributes;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.List;

/** DeleteUserAttributes: the signed-in user deletes attributes their app client may write; required ones stay. */
public final class DeleteUserAttributesOperation
    implements Operation<DeleteUserAttributesOperation.DeleteUserAttributesRequest, Empty> {
  private final AccessTokens tokens;
  private final Directory directory;
  private final UserAttributes attributes;

  public DeleteUserAttributesOperation(AccessTokens tokens, Directory directory, UserAttributes attributes) {
    this.tokens = tokens;
    this.directory = directory;
    this.attributes = attributes;
  }

  public record DeleteUserAttributesRequest(
      @Required List<String> UserAttributeNames, @Required @Sensitive @Pattern(Shapes.TOKEN) String AccessToken) {}

  @Override
  public String name() {
    return "DeleteUserAttributes";
  }

  @Override
  public Class<DeleteUserAttributesRequest> requestType() {
    return DeleteUserAttributesRequest.class;
  }

  @Override
  public Empty handle(DeleteUserAttributesRequest request, RequestContext context) {
    AccessTokens.SignedIn signedIn = tokens.signedIn(request.AccessToken());
    ClientInPool target = directory.client(signedIn.clientId());
    attributes.delete(
        target.pool(), signedIn.user(), request.UserAttributeNames(), UserAttributes.Writer.through(target.client()));
    return new Empty();
  }
}
