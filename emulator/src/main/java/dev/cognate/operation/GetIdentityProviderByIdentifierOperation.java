package dev.cognate.operation;

import dev.cognate.operation.wire.IdentityProviderType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.IdentityProviders;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;

/** GetIdentityProviderByIdentifier: the provider that holds one of its IdpIdentifiers. */
public final class GetIdentityProviderByIdentifierOperation
    implements Operation<
        GetIdentityProviderByIdentifierOperation.GetIdentityProviderByIdentifierRequest,
        GetIdentityProviderByIdentifierOperation.GetIdentityProviderByIdentifierResponse> {
  private final Directory directory;
  private final IdentityProviders providers;

  public GetIdentityProviderByIdentifierOperation(Directory directory, IdentityProviders providers) {
    this.directory = directory;
    this.providers = providers;
  }

  public record GetIdentityProviderByIdentifierRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 40) @Pattern(Shapes.IDP_IDENTIFIER) String IdpIdentifier) {}

  public record GetIdentityProviderByIdentifierResponse(IdentityProviderType IdentityProvider) {}

  @Override
  public String name() {
    return "GetIdentityProviderByIdentifier";
  }

  @Override
  public Class<GetIdentityProviderByIdentifierRequest> requestType() {
    return GetIdentityProviderByIdentifierRequest.class;
  }

  @Override
  public GetIdentityProviderByIdentifierResponse handle(
      GetIdentityProviderByIdentifierRequest r, RequestContext context) {
    return new GetIdentityProviderByIdentifierResponse(
        IdentityProviderType.of(providers.byIdentifier(directory.pool(r.UserPoolId()), r.IdpIdentifier())));
  }
}
