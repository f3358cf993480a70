package dev.cognate.operation;

import dev.cognate.operation.wire.DomainDescriptionType;
import dev.cognate.service.UserPoolDomains;
import dev.cognate.validation.Length;
import dev.cognate.validation.Required;

/** DescribeUserPoolDomain: an unknown domain is described as an empty description, as Cognito does. */
public final class DescribeUserPoolDomainOperation
    implements Operation<
        DescribeUserPoolDomainOperation.DescribeUserPoolDomainRequest,
        DescribeUserPoolDomainOperation.DescribeUserPoolDomainResponse> {
  private final UserPoolDomains domains;

  public DescribeUserPoolDomainOperation(UserPoolDomains domains) {
    this.domains = domains;
  }

  public record DescribeUserPoolDomainRequest(@Required @Length(min = 1, max = 63) String Domain) {}

  public record DescribeUserPoolDomainResponse(DomainDescriptionType DomainDescription) {}

  @Override
  public String name() {
    return "DescribeUserPoolDomain";
  }

  @Override
  public Class<DescribeUserPoolDomainRequest> requestType() {
    return DescribeUserPoolDomainRequest.class;
  }

  @Override
  public DescribeUserPoolDomainResponse handle(DescribeUserPoolDomainRequest r, RequestContext context) {
    return new DescribeUserPoolDomainResponse(
        domains
            .find(r.Domain())
            .map(d -> DomainDescriptionType.of(d, context.accountId()))
            .orElse(DomainDescriptionType.NONE));
  }
}
