package dev.cognate.operation;

import dev.cognate.domain.AppClient;
import dev.cognate.operation.wire.PageTokens;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.storage.ClientStore;
import dev.cognate.storage.Page;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Range;
import dev.cognate.validation.Required;
import java.util.List;
import java.util.Optional;

/** ListUserPoolClients: a pool's clients in creation order. */
public final class ListUserPoolClientsOperation
    implements Operation<
        ListUserPoolClientsOperation.ListUserPoolClientsRequest,
        ListUserPoolClientsOperation.ListUserPoolClientsResponse> {
  private static final int DEFAULT_PAGE = 60;

  private final Directory directory;
  private final ClientStore clients;

  public ListUserPoolClientsOperation(Directory directory, ClientStore clients) {
    this.directory = directory;
    this.clients = clients;
  }

  public record ListUserPoolClientsRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Range(min = 1, max = 60) Integer MaxResults,
      @Length(min = 1, max = 131072) @Pattern(Shapes.PAGINATION_KEY) String NextToken) {}

  public record ListUserPoolClientsResponse(List<UserPoolClientDescription> UserPoolClients, String NextToken) {}

  /** The summary ListUserPoolClients gives of each client. */
  public record UserPoolClientDescription(String ClientId, String UserPoolId, String ClientName) {}

  @Override
  public String name() {
    return "ListUserPoolClients";
  }

  @Override
  public Class<ListUserPoolClientsRequest> requestType() {
    return ListUserPoolClientsRequest.class;
  }

  @Override
  public ListUserPoolClientsResponse handle(ListUserPoolClientsRequest request, RequestContext context) {
    String poolId = directory.pool(request.UserPoolId()).id();
    Page<AppClient> page =
        clients.list(
            poolId,
            PageTokens.after(request.NextToken()),
            Optional.ofNullable(request.MaxResults()).orElse(DEFAULT_PAGE));
    return new ListUserPoolClientsResponse(
        page.items().stream()
            .map(c -> new UserPoolClientDescription(c.clientId(), c.userPoolId(), c.name()))
            .toList(),
        PageTokens.next(page));
  }
}
