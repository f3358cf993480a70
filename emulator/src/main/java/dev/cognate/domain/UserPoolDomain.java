package dev.cognate.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's hosted domain: a prefix under Cognito's own auth domain, or the caller's host name when it comes with
 * a certificate. Cognate serves nothing on it yet; it is stored and described back.
 *
 * @param version counts the domain's changes, shown as its {@code Version}
 */
public record UserPoolDomain(
    String userPoolId,
    String domain,
    Optional<CustomDomain> custom,
    int managedLoginVersion,
    Optional<Map<String, Object>> routing,
    long version,
    Instant createdAt) {

  /** The certificate settings of a custom domain. */
  public record CustomDomain(String certificateArn, Optional<String> securityPolicy) {}

  public boolean hasCustomDomain() {
    return custom.isPresent();
  }
}
