package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.ResourceServers;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;

/** DeleteResourceServer. */
public final class DeleteResourceServerOperation
    implements Operation<DeleteResourceServerOperation.DeleteResourceServerRequest, Empty> {
  private final Directory directory;
  private final ResourceServers servers;

  public DeleteResourceServerOperation(Directory directory, ResourceServers servers) {
    this.directory = directory;
    this.servers = servers;
  }

  public record DeleteResourceServerRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 256) @Pattern(Shapes.RESOURCE_SERVER_IDENTIFIER) String Identifier) {}

  @Override
  public String name() {
    return "DeleteResourceServer";
  }

  @Override
  public Class<DeleteResourceServerRequest> requestType() {
    return DeleteResourceServerRequest.class;
  }

  @Override
  public Empty handle(DeleteResourceServerRequest r, RequestContext context) {
    servers.delete(directory.pool(r.UserPoolId()), r.Identifier());
    return new Empty();
  }
}
