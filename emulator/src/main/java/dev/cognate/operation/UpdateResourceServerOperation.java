package dev.cognate.operation;

import dev.cognate.operation.wire.ResourceServerType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.ResourceServers;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import java.util.List;

/** UpdateResourceServer: replaces the name and all scopes; scopes left out are removed, as in Cognito. */
public final class UpdateResourceServerOperation
    implements Operation<
        UpdateResourceServerOperation.UpdateResourceServerRequest,
        UpdateResourceServerOperation.UpdateResourceServerResponse> {
  private final Directory directory;
  private final ResourceServers servers;

  public UpdateResourceServerOperation(Directory directory, ResourceServers servers) {
    this.directory = directory;
    this.servers = servers;
  }

  public record UpdateResourceServerRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 256) @Pattern(Shapes.RESOURCE_SERVER_IDENTIFIER) String Identifier,
      @Required @Length(min = 1, max = 256) @Pattern(Shapes.NAME) String Name,
      @Length(max = 100) List<ResourceServerType.ScopeType> Scopes) {}

  public record UpdateResourceServerResponse(ResourceServerType ResourceServer) {}

  @Override
  public String name() {
    return "UpdateResourceServer";
  }

  @Override
  public Class<UpdateResourceServerRequest> requestType() {
    return UpdateResourceServerRequest.class;
  }

  @Override
  public UpdateResourceServerResponse handle(UpdateResourceServerRequest r, RequestContext context) {
    return new UpdateResourceServerResponse(
        ResourceServerType.of(
            servers.update(
                directory.pool(r.UserPoolId()), r.Identifier(), r.Name(), ResourceServerType.scopes(r.Scopes()))));
  }
}
