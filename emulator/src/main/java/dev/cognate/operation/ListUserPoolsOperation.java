package dev.cognate.operation;

import dev.cognate.domain.UserPool;
import dev.cognate.operation.wire.PageTokens;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.operation.wire.Timestamps;
import dev.cognate.storage.Page;
import dev.cognate.storage.PoolStore;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Range;
import dev.cognate.validation.Required;
import java.util.List;
import java.util.Map;

/** ListUserPools: pools in creation order, a page of at most MaxResults. */
public final class ListUserPoolsOperation
    implements Operation<ListUserPoolsOperation.ListUserPoolsRequest, ListUserPoolsOperation.ListUserPoolsResponse> {
  private final PoolStore pools;

  public ListUserPoolsOperation(PoolStore pools) {
    this.pools = pools;
  }

  public record ListUserPoolsRequest(
      @Length(min = 1) @Pattern(Shapes.PAGINATION_KEY) String NextToken,
      @Required @Range(min = 1, max = 60) Integer MaxResults) {}

  public record ListUserPoolsResponse(List<UserPoolDescriptionType> UserPools, String NextToken) {}

  /** The summary ListUserPools gives of each pool. */
  public record UserPoolDescriptionType(
      String Id, String Name, Map<String, Object> LambdaConfig, Double LastModifiedDate, Double CreationDate) {}

  @Override
  public String name() {
    return "ListUserPools";
  }

  @Override
  public Class<ListUserPoolsRequest> requestType() {
    return ListUserPoolsRequest.class;
  }

  @Override
  public ListUserPoolsResponse handle(ListUserPoolsRequest request, RequestContext context) {
    Page<UserPool> page = pools.list(PageTokens.after(request.NextToken()), request.MaxResults());
    return new ListUserPoolsResponse(
        page.items().stream().map(ListUserPoolsOperation::describe).toList(), PageTokens.next(page));
  }

  @SuppressWarnings("unchecked")
  private static UserPoolDescriptionType describe(UserPool pool) {
    return new UserPoolDescriptionType(
        pool.id(),
        pool.name(),
        (Map<String, Object>) pool.echoed().getOrDefault("LambdaConfig", Map.of()),
        Timestamps.seconds(pool.modifiedAt()),
        Timestamps.seconds(pool.createdAt()));
  }
}
