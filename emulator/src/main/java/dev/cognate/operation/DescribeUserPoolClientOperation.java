package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.operation.wire.UserPoolClientType;
import dev.cognate.service.Directory;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** DescribeUserPoolClient. */
public final class DescribeUserPoolClientOperation
    implements Operation<
        DescribeUserPoolClientOperation.DescribeUserPoolClientRequest,
        DescribeUserPoolClientOperation.DescribeUserPoolClientResponse> {
  private final Directory directory;

  public DescribeUserPoolClientOperation(Directory directory) {
    this.directory = directory;
  }

  public record DescribeUserPoolClientRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.CLIENT_ID) String ClientId) {}

  public record DescribeUserPoolClientResponse(UserPoolClientType UserPoolClient) {}

  @Override
  public String name() {
    return "DescribeUserPoolClient";
  }

  @Override
  public Class<DescribeUserPoolClientRequest> requestType() {
    return DescribeUserPoolClientRequest.class;
  }

  @Override
  public DescribeUserPoolClientResponse handle(DescribeUserPoolClientRequest request, RequestContext context) {
    return new DescribeUserPoolClientResponse(
        UserPoolClientType.of(directory.client(request.UserPoolId(), request.ClientId()).client()));
  }
}
