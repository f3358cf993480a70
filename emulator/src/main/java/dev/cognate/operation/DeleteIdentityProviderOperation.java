package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.IdentityProviders;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;

/** DeleteIdentityProvider: its identifiers go with it. */
public final class DeleteIdentityProviderOperation
    implements Operation<DeleteIdentityProviderOperation.DeleteIdentityProviderRequest, Empty> {
  private final Directory directory;
  private final IdentityProviders providers;

  public DeleteIdentityProviderOperation(Directory directory, IdentityProviders providers) {
    this.directory = directory;
    this.providers = providers;
  }

  public record DeleteIdentityProviderRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 32) @Pattern(Shapes.PROVIDER_NAME) String ProviderName) {}

  @Override
  public String name() {
    return "DeleteIdentityProvider";
  }

  @Override
  public Class<DeleteIdentityProviderRequest> requestType() {
    return DeleteIdentityProviderRequest.class;
  }

  @Override
  public Empty handle(DeleteIdentityProviderRequest r, RequestContext context) {
    providers.delete(directory.pool(r.UserPoolId()), r.ProviderName());
    return new Empty();
  }
}
