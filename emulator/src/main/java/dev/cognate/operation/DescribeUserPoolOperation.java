package dev.cognate.operation;

import dev.cognate.domain.UserPool;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.operation.wire.UserPoolType;
import dev.cognate.service.Directory;
import dev.cognate.service.UserPoolDomains;
import dev.cognate.storage.UserStore;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;

/** DescribeUserPool. */
public final class DescribeUserPoolOperation
    implements Operation<DescribeUserPoolOperation.DescribeUserPoolRequest, DescribeUserPoolOperation.DescribeUserPoolResponse> {
  private final Directory directory;
  private final UserStore users;
  private final UserPoolDomains domains;

  public DescribeUserPoolOperation(Directory directory, UserStore users, UserPoolDomains domains) {
    this.directory = directory;
    this.users = users;
    this.domains = domains;
  }

  public record DescribeUserPoolRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId) {}

  public record DescribeUserPoolResponse(UserPoolType UserPool) {}

  @Override
  public String name() {
    return "DescribeUserPool";
  }

  @Override
  public Class<DescribeUserPoolRequest> requestType() {
    return DescribeUserPoolRequest.class;
  }

  @Override
  public DescribeUserPoolResponse handle(DescribeUserPoolRequest request, RequestContext context) {
    UserPool pool = directory.pool(request.UserPoolId());
    return new DescribeUserPoolResponse(UserPoolType.of(pool, users.count(pool.id()), domains.ofPool(pool.id())));
  }
}
