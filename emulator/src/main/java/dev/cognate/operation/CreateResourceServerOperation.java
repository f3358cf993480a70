package dev.cognate.operation;

import dev.cognate.operation.wire.ResourceServerType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.ResourceServers;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import java.util.List;

/** CreateResourceServer: an identifier unique within the pool, with its custom scopes. */
public final class CreateResourceServerOperation
    implements Operation<
        CreateResourceServerOperation.CreateResourceServerRequest,
        CreateResourceServerOperation.CreateResourceServerResponse> {
  private final Directory directory;
  private final ResourceServers servers;

  public CreateResourceServerOperation(Directory directory, ResourceServers servers) {
    this.directory = directory;
    this.servers = servers;
  }

  public record CreateResourceServerRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 256) @Pattern(Shapes.RESOURCE_SERVER_IDENTIFIER) String Identifier,
      @Required @Length(min = 1, max = 256) @Pattern(Shapes.NAME) String Name,
      @Length(max = 100) List<ResourceServerType.ScopeType> Scopes) {}

  public record CreateResourceServerResponse(ResourceServerType ResourceServer) {}

  @Override
  public String name() {
    return "CreateResourceServer";
  }

  @Override
  public Class<CreateResourceServerRequest> requestType() {
    return CreateResourceServerRequest.class;
  }

  @Override
  public CreateResourceServerResponse handle(CreateResourceServerRequest r, RequestContext context) {
    return new CreateResourceServerResponse(
        ResourceServerType.of(
            servers.create(
                directory.pool(r.UserPoolId()), r.Identifier(), r.Name(), ResourceServerType.scopes(r.Scopes()))));
  }
}
