package dev.cognate.operation;

import dev.cognate.operation.wire.AttributeMappings;
import dev.cognate.operation.wire.IdentityProviderType;
import dev.cognate.operation.wire.IdpIdentifiers;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.IdentityProviders;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** UpdateIdentityProvider: the settings given replace the stored ones, the others stay. */
public final class UpdateIdentityProviderOperation
    implements Operation<
        UpdateIdentityProviderOperation.UpdateIdentityProviderRequest,
        UpdateIdentityProviderOperation.UpdateIdentityProviderResponse> {
  private final Directory directory;
  private final IdentityProviders providers;

  public UpdateIdentityProviderOperation(Directory directory, IdentityProviders providers) {
    this.directory = directory;
    this.providers = providers;
  }

  public record UpdateIdentityProviderRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 32) @Pattern(Shapes.PROVIDER_NAME) String ProviderName,
      Map<String, String> ProviderDetails,
      Map<String, String> AttributeMapping,
      @Length(min = 0, max = 50) List<String> IdpIdentifiers) {}

  public record UpdateIdentityProviderResponse(IdentityProviderType IdentityProvider) {}

  @Override
  public String name() {
    return "UpdateIdentityProvider";
  }

  @Override
  public Class<UpdateIdentityProviderRequest> requestType() {
    return UpdateIdentityProviderRequest.class;
  }

  @Override
  public UpdateIdentityProviderResponse handle(UpdateIdentityProviderRequest r, RequestContext context) {
    Optional<List<String>> identifiers = IdpIdentifiers.checked(r.IdpIdentifiers());
    return new UpdateIdentityProviderResponse(
        IdentityProviderType.of(
            providers.update(
                directory.pool(r.UserPoolId()),
                r.ProviderName(),
                Optional.ofNullable(r.ProviderDetails()),
                Optional.ofNullable(AttributeMappings.checked(r.AttributeMapping())),
                identifiers)));
  }
}
