package dev.cognate.provision;

import dev.cognate.operation.CreateUserPoolDomainOperation.CreateUserPoolDomainRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code AWS::Cognito::UserPoolDomain}: CreateUserPoolDomain; {@code Ref} gives the domain. */
final class UserPoolDomainKind implements ResourceKind {

  @Override
  public String type() {
    return "AWS::Cognito::UserPoolDomain";
  }

  @Override
  public Set<String> understood() {
    return ResourceKind.members(CreateUserPoolDomainRequest.class);
  }

  @Override
  public ProvisionedResource provision(Target target) {
    target.required("UserPoolId");
    String domain = target.required("Domain");
    boolean kept = described(target, domain).get("Domain") != null;
    if (!kept) {
      target.calls().call(
          "CreateUserPoolDomain", ResourceKind.passThrough(target.properties(), CreateUserPoolDomainRequest.class));
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    Object distribution = described(target, domain).get("CloudFrontDistribution");
    if (distribution != null) {
      attributes.put("CloudFrontDistribution", String.valueOf(distribution));
    }
    return target.result(domain, attributes, kept);
  }

  private static Map<String, Object> described(Target target, String domain) {
    return target.calls().member("DescribeUserPoolDomain", Map.of("Domain", domain), "DomainDescription");
  }
}
