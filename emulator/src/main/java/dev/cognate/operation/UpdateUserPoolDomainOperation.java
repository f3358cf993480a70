package dev.cognate.operation;

import dev.cognate.domain.UserPoolDomain;
import dev.cognate.operation.wire.CloudFrontDomains;
import dev.cognate.operation.wire.CustomDomainConfigType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.UserPoolDomains;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import java.util.Map;
import java.util.Optional;

/** UpdateUserPoolDomain: a custom domain's certificate, the managed login version, the routing. */
public final class UpdateUserPoolDomainOperation
    implements Operation<
        UpdateUserPoolDomainOperation.UpdateUserPoolDomainRequest,
        UpdateUserPoolDomainOperation.UpdateUserPoolDomainResponse> {
  private final Directory directory;
  private final UserPoolDomains domains;

  public UpdateUserPoolDomainOperation(Directory directory, UserPoolDomains domains) {
    this.directory = directory;
    this.domains = domains;
  }

  public record UpdateUserPoolDomainRequest(
      @Required @Length(min = 1, max = 63) String Domain,
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      Integer ManagedLoginVersion,
      CustomDomainConfigType CustomDomainConfig,
      Map<String, Object> Routing) {}

  public record UpdateUserPoolDomainResponse(
      Integer ManagedLoginVersion, String CloudFrontDomain, Map<String, Object> Routing) {}

  @Override
  public String name() {
    return "UpdateUserPoolDomain";
  }

  @Override
  public Class<UpdateUserPoolDomainRequest> requestType() {
    return UpdateUserPoolDomainRequest.class;
  }

  @Override
  public UpdateUserPoolDomainResponse handle(UpdateUserPoolDomainRequest r, RequestContext context) {
    UserPoolDomain domain =
        domains.update(
            directory.pool(r.UserPoolId()),
            r.Domain(),
            Optional.ofNullable(r.CustomDomainConfig()).map(CustomDomainConfigType::toDomain),
            Optional.ofNullable(r.ManagedLoginVersion()),
            Optional.ofNullable(r.Routing()));
    return new UpdateUserPoolDomainResponse(
        domain.managedLoginVersion(), CloudFrontDomains.of(domain), domain.routing().orElse(null));
  }
}
