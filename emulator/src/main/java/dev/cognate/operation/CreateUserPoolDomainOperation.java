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

/** CreateUserPoolDomain: a prefix unique across pools, or a custom domain with its certificate. */
public final class CreateUserPoolDomainOperation
    implements Operation<
        CreateUserPoolDomainOperation.CreateUserPoolDomainRequest,
        CreateUserPoolDomainOperation.CreateUserPoolDomainResponse> {
  private final Directory directory;
  private final UserPoolDomains domains;

  public CreateUserPoolDomainOperation(Directory directory, UserPoolDomains domains) {
    this.directory = directory;
    this.domains = domains;
  }

  // The domain's pattern is checked by UserPoolDomains: a custom domain is a host name, which the model's does not fit.
  public record CreateUserPoolDomainRequest(
      @Required @Length(min = 1, max = 63) String Domain,
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      Integer ManagedLoginVersion,
      CustomDomainConfigType CustomDomainConfig,
      Map<String, Object> Routing) {}

  public record CreateUserPoolDomainResponse(
      Integer ManagedLoginVersion, String CloudFrontDomain, Map<String, Object> Routing) {}

  @Override
  public String name() {
    return "CreateUserPoolDomain";
  }

  @Override
  public Class<CreateUserPoolDomainRequest> requestType() {
    return CreateUserPoolDomainRequest.class;
  }

  @Override
  public CreateUserPoolDomainResponse handle(CreateUserPoolDomainRequest r, RequestContext context) {
    UserPoolDomain domain =
        domains.create(
            directory.pool(r.UserPoolId()),
            r.Domain(),
            Optional.ofNullable(r.CustomDomainConfig()).map(CustomDomainConfigType::toDomain),
            Optional.ofNullable(r.ManagedLoginVersion()),
            Optional.ofNullable(r.Routing()));
    return new CreateUserPoolDomainResponse(
        domain.managedLoginVersion(), CloudFrontDomains.of(domain), domain.routing().orElse(null));
  }
}
