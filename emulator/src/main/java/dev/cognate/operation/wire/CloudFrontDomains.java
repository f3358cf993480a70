package dev.cognate.operation.wire;

import dev.cognate.domain.UserPoolDomain;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The CloudFront distribution name Cognito gives a custom domain, for the caller's DNS alias. Cognate serves no
 * domain, so the name is a stable stand-in derived from the domain: the same domain always gets the same name.
 */
public final class CloudFrontDomains {
  private CloudFrontDomains() {}

  /** Null for a prefix domain, which has no distribution of its own to alias. */
  public static String of(UserPoolDomain domain) {
    if (!domain.hasCustomDomain()) {
      return null;
    }
    String hex = UUID.nameUUIDFromBytes(domain.domain().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    return "d" + hex.substring(0, 13) + ".cloudfront.net";
  }
}
