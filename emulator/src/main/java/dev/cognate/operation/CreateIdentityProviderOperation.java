package dev.cognate.operation;

import dev.cognate.operation.wire.AttributeMappings;
import dev.cognate.operation.wire.IdentityProviderType;
import dev.cognate.operation.wire.IdpIdentifiers;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.IdentityProviders;
import dev.cognate.validation.Length;
import dev.cognate.validation.OneOf;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import java.util.List;
import java.util.Map;

/** CreateIdentityProvider: a name unique within the pool, identifiers unique within the pool. */
public final class CreateIdentityProviderOperation
    implements Operation<
        CreateIdentityProviderOperation.CreateIdentityProviderRequest,
        CreateIdentityProviderOperation.CreateIdentityProviderResponse> {
  private final Directory directory;
  private final IdentityProviders providers;

  public CreateIdentityProviderOperation(Directory directory, IdentityProviders providers) {
    this.directory = directory;
    this.providers = providers;
  }

  public record CreateIdentityProviderRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 32) @Pattern(Shapes.NEW_PROVIDER_NAME) String ProviderName,
      @Required @OneOf({"SAML", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "OIDC"})
          String ProviderType,
      @Required Map<String, String> ProviderDetails,
      Map<String, String> AttributeMapping,
      @Length(min = 0, max = 50) List<String> IdpIdentifiers) {}

  public record CreateIdentityProviderResponse(IdentityProviderType IdentityProvider) {}

  @Override
  public String name() {
    return "CreateIdentityProvider";
  }

  @Override
  public Class<CreateIdentityProviderRequest> requestType() {
    return CreateIdentityProviderRequest.class;
  }

  @Override
  public CreateIdentityProviderResponse handle(CreateIdentityProviderRequest r, RequestContext context) {
    List<String> identifiers = IdpIdentifiers.checked(r.IdpIdentifiers()).orElse(List.of());
    Map<String, String> mapping = AttributeMappings.checked(r.AttributeMapping());
    return new CreateIdentityProviderResponse(
        IdentityProviderType.of(
            providers.create(
                directory.pool(r.UserPoolId()),
                r.ProviderName(),
                r.ProviderType(),
                r.ProviderDetails(),
                mapping == null ? Map.of() : mapping,
                identifiers)));
  }
}
