package dev.cognate.operation;

import dev.cognate.operation.wire.IdentityProviderType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.IdentityProviders;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;

/** DescribeIdentityProvider. */
public final class DescribeIdentityProviderOperation
    implements Operation<
        DescribeIdentityProviderOperation.DescribeIdentityProviderRequest,
        DescribeIdentityProviderOperation.DescribeIdentityProviderResponse> {
  private final Directory directory;
  private final IdentityProviders providers;

  public DescribeIdentityProviderOperation(Directory directory, IdentityProviders providers) {
    this.directory = directory;
    this.providers = providers;
  }

  public record DescribeIdentityProviderRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 32) @Pattern(Shapes.PROVIDER_NAME) String ProviderName) {}

  public record DescribeIdentityProviderResponse(IdentityProviderType IdentityProvider) {}

  @Override
  public String name() {
    return "DescribeIdentityProvider";
  }

  @Override
  public Class<DescribeIdentityProviderRequest> requestType() {
    return DescribeIdentityProviderRequest.class;
  }

  @Override
  public DescribeIdentityProviderResponse handle(DescribeIdentityProviderRequest r, RequestContext context) {
    return new DescribeIdentityProviderResponse(
        IdentityProviderType.of(providers.find(directory.pool(r.UserPoolId()), r.ProviderName())));
  }
}
