package dev.cognate.operation;

import dev.cognate.operation.wire.ResourceServerType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.ResourceServers;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;

/** DescribeResourceServer. */
public final class DescribeResourceServerOperation
    implements Operation<
        DescribeResourceServerOperation.DescribeResourceServerRequest,
        DescribeResourceServerOperation.DescribeResourceServerResponse> {
  private final Directory directory;
  private final ResourceServers servers;

  public DescribeResourceServerOperation(Directory directory, ResourceServers servers) {
    this.directory = directory;
    this.servers = servers;
  }

  public record DescribeResourceServerRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 256) @Pattern(Shapes.RESOURCE_SERVER_IDENTIFIER) String Identifier) {}

  public record DescribeResourceServerResponse(ResourceServerType ResourceServer) {}

  @Override
  public String name() {
    return "DescribeResourceServer";
  }

  @Override
  public Class<DescribeResourceServerRequest> requestType() {
    return DescribeResourceServerRequest.class;
  }

  @Override
  public DescribeResourceServerResponse handle(DescribeResourceServerRequest r, RequestContext context) {
    return new DescribeResourceServerResponse(
        ResourceServerType.of(servers.find(directory.pool(r.UserPoolId()), r.Identifier())));
  }
}
