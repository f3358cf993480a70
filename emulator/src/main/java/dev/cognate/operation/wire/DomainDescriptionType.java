package dev.cognate.operation.wire;

import dev.cognate.domain.UserPoolDomain;
import java.util.Map;

/** A domain as DescribeUserPoolDomain describes it; every member is absent for an unknown domain. */
public record DomainDescriptionType(
    String UserPoolId,
    String AWSAccountId,
    String Domain,
    String CloudFrontDistribution,
    String Version,
    String Status,
    CustomDomainConfigType CustomDomainConfig,
    Integer ManagedLoginVersion,
    Map<String, Object> Routing) {

  public static final DomainDescriptionType NONE =
      new DomainDescriptionType(null, null, null, null, null, null, null, null, null);

  public static DomainDescriptionType of(UserPoolDomain domain, String accountId) {
    return new DomainDescriptionType(
        domain.userPoolId(),
        accountId,
        domain.domain(),
        CloudFrontDomains.of(domain),
        Long.toString(domain.version()),
        "ACTIVE",
        domain.custom().map(CustomDomainConfigType::of).orElse(null),
        domain.managedLoginVersion(),
        domain.routing().orElse(null));
  }
}
