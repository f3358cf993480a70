package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.storage.ClientStore;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** DeleteUserPoolClient. */
public final class DeleteUserPoolClientOperation
    implements Operation<DeleteUserPoolClientOperation.DeleteUserPoolClientRequest, Empty> {
  private final Directory directory;
  private final ClientStore clients;

  public DeleteUserPoolClientOperation(Directory directory, ClientStore clients) {
    this.directory = directory;
    this.clients = clients;
  }

  public record DeleteUserPoolClientRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.CLIENT_ID) String ClientId) {}

  @Override
  public String name() {
    return "DeleteUserPoolClient";
  }

  @Override
  public Class<DeleteUserPoolClientRequest> requestType() {
    return DeleteUserPoolClientRequest.class;
  }

  @Override
  public Empty handle(DeleteUserPoolClientRequest request, RequestContext context) {
    directory.client(request.UserPoolId(), request.ClientId());
    clients.delete(request.UserPoolId(), request.ClientId());
    return new Empty();
  }
}
