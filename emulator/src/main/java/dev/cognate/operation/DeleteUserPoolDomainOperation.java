package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.UserPoolDomains;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;

/** DeleteUserPoolDomain: the domain must belong to the named pool. */
public final class DeleteUserPoolDomainOperation
    implements Operation<DeleteUserPoolDomainOperation.DeleteUserPoolDomainRequest, Empty> {
  private final Directory directory;
  private final UserPoolDomains domains;

  public DeleteUserPoolDomainOperation(Directory directory, UserPoolDomains domains) {
    this.directory = directory;
    this.domains = domains;
  }

  public record DeleteUserPoolDomainRequest(
      @Required @Length(min = 1, max = 63) String Domain,
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId) {}

  @Override
  public String name() {
    return "DeleteUserPoolDomain";
  }

  @Override
  public Class<DeleteUserPoolDomainRequest> requestType() {
    return DeleteUserPoolDomainRequest.class;
  }

  @Override
  public Empty handle(DeleteUserPoolDomainRequest r, RequestContext context) {
    domains.delete(directory.pool(r.UserPoolId()), r.Domain());
    return new Empty();
  }
}
