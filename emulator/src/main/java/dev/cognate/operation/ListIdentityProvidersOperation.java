package dev.cognate.operation;

import dev.cognate.domain.IdentityProvider;
import dev.cognate.operation.wire.PageTokens;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.operation.wire.Timestamps;
import dev.cognate.service.Directory;
import dev.cognate.storage.IdentityProviderStore;
import dev.cognate.storage.Page;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Range;
import dev.cognate.validation.Required;
import java.util.List;

/** ListIdentityProviders: a pool's providers in creation order, summarised. */
public final class ListIdentityProvidersOperation
    implements Operation<
        ListIdentityProvidersOperation.ListIdentityProvidersRequest,
        ListIdentityProvidersOperation.ListIdentityProvidersResponse> {
  private static final int DEFAULT_PAGE = 60;

  private final Directory directory;
  private final IdentityProviderStore providers;

  public ListIdentityProvidersOperation(Directory directory, IdentityProviderStore providers) {
    this.directory = directory;
    this.providers = providers;
  }

  public record ListIdentityProvidersRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Range(min = 0, max = 60) Integer MaxResults,
      @Length(min = 1, max = 131072) @Pattern(Shapes.PAGINATION_KEY) String NextToken) {}

  public record ListIdentityProvidersResponse(List<ProviderDescription> Providers, String NextToken) {}

  /** The summary ListIdentityProviders gives of each provider. */
  public record ProviderDescription(
      String ProviderName, String ProviderType, Double LastModifiedDate, Double CreationDate) {}

  @Override
  public String name() {
    return "ListIdentityProviders";
  }

  @Override
  public Class<ListIdentityProvidersRequest> requestType() {
    return ListIdentityProvidersRequest.class;
  }

  /** A MaxResults of 0, which the model allows, asks for the default page like an absent one. */
  @Override
  public ListIdentityProvidersResponse handle(ListIdentityProvidersRequest r, RequestContext context) {
    String poolId = directory.pool(r.UserPoolId()).id();
    int limit = r.MaxResults() == null || r.MaxResults() == 0 ? DEFAULT_PAGE : r.MaxResults();
    Page<IdentityProvider> page = providers.list(poolId, PageTokens.after(r.NextToken()), limit);
    return new ListIdentityProvidersResponse(
        page.items().stream()
            .map(
                p ->
                    new ProviderDescription(
                        p.name(), p.type(), Timestamps.seconds(p.modifiedAt()), Timestamps.seconds(p.createdAt())))
            .toList(),
        PageTokens.next(page));
  }
}
