package dev.cognate.operation;

import dev.cognate.domain.ResourceServer;
import dev.cognate.operation.wire.PageTokens;
import dev.cognate.operation.wire.ResourceServerType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.storage.Page;
import dev.cognate.storage.ResourceServerStore;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Range;
import dev.cognate.validation.Required;
import java.util.List;
import java.util.Optional;

/** ListResourceServers: a pool's resource servers in creation order. */
public final class ListResourceServersOperation
    implements Operation<
        ListResourceServersOperation.ListResourceServersRequest,
        ListResourceServersOperation.ListResourceServersResponse> {
  private static final int DEFAULT_PAGE = 50;

  private final Directory directory;
  private final ResourceServerStore servers;

  public ListResourceServersOperation(Directory directory, ResourceServerStore servers) {
    this.directory = directory;
    this.servers = servers;
  }

  public record ListResourceServersRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Range(min = 1, max = 50) Integer MaxResults,
      @Length(min = 1, max = 131072) @Pattern(Shapes.PAGINATION_KEY) String NextToken) {}

  public record ListResourceServersResponse(List<ResourceServerType> ResourceServers, String NextToken) {}

  @Override
  public String name() {
    return "ListResourceServers";
  }

  @Override
  public Class<ListResourceServersRequest> requestType() {
    return ListResourceServersRequest.class;
  }

  @Override
  public ListResourceServersResponse handle(ListResourceServersRequest r, RequestContext context) {
    String poolId = directory.pool(r.UserPoolId()).id();
    Page<ResourceServer> page =
        servers.list(
            poolId, PageTokens.after(r.NextToken()), Optional.ofNullable(r.MaxResults()).orElse(DEFAULT_PAGE));
    return new ListResourceServersResponse(
        page.items().stream().map(ResourceServerType::of).toList(), PageTokens.next(page));
  }
}
