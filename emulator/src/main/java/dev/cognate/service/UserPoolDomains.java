package dev.cognate.service;

import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserPoolDomain;
import dev.cognate.domain.UserPoolDomain.CustomDomain;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.DomainStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Pool domains: a prefix is unique across all pools and a pool has one domain at most. */
public final class UserPoolDomains {
  // The model's pattern for a domain, which is the one a prefix must match.
  private static final String PREFIX_PATTERN = "^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$";

  private static final String LABEL = "[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?";
  private static final Pattern PREFIX = Pattern.compile(PREFIX_PATTERN);
  private static final Pattern HOST_NAME = Pattern.compile(LABEL + "(?:\\." + LABEL + ")+");
  private static final List<String> RESERVED_WORDS = List.of("aws", "amazon", "cognito");
  private static final String NO_SUCH_DOMAIN = "No such domain or user pool exists.";

  private final DomainStore domains;
  private final Clock clock;

  public UserPoolDomains(DomainStore domains, Clock clock) {
    this.domains = domains;
    this.clock = clock;
  }

  public UserPoolDomain create(
      UserPool pool,
      String domain,
      Optional<CustomDomain> custom,
      Optional<Integer> managedLoginVersion,
      Optional<Map<String, Object>> routing) {
    if (custom.isEmpty()) {
      checkPrefix(domain);
    } else if (!HOST_NAME.matcher(domain).matches()) {
      throw CognitoException.invalidParameter("Domain " + domain + " is not a valid custom domain name.");
    }
    UserPoolDomain created =
        new UserPoolDomain(
            pool.id(), domain, custom, loginVersion(managedLoginVersion), routing, 1, clock.instant());
    return switch (domains.insert(created)) {
      case INSERTED -> created;
      case DOMAIN_TAKEN -> throw CognitoException.invalidParameter("Domain already associated with another user pool.");
      case POOL_HAS_DOMAIN -> throw CognitoException.invalidParameter("User pool already has a domain configured.");
    };
  }

  /** The domain by its name; Cognito describes an unknown domain as an empty description, not an error. */
  public Optional<UserPoolDomain> find(String domain) {
    checkSyntax(domain);
    return domains.find(domain);
  }

  public Optional<UserPoolDomain> ofPool(String userPoolId) {
    return domains.findByPool(userPoolId);
  }

  public UserPoolDomain update(
      UserPool pool,
      String domain,
      Optional<CustomDomain> custom,
      Optional<Integer> managedLoginVersion,
      Optional<Map<String, Object>> routing) {
    checkSyntax(domain);
    UserPoolDomain current = owned(pool, domain);
    UserPoolDomain changed =
        new UserPoolDomain(
            pool.id(),
            domain,
            current.hasCustomDomain() ? custom.or(current::custom) : current.custom(),
            managedLoginVersion.isPresent() ? loginVersion(managedLoginVersion) : current.managedLoginVersion(),
            routing.or(current::routing),
            current.version() + 1,
            current.createdAt());
    if (!domains.replace(changed)) {
      throw CognitoException.invalidParameter(NO_SUCH_DOMAIN);
    }
    return changed;
  }

  public void delete(UserPool pool, String domain) {
    checkSyntax(domain);
    owned(pool, domain);
    if (!domains.delete(pool.id(), domain)) {
      throw CognitoException.invalidParameter(NO_SUCH_DOMAIN);
    }
  }

  private UserPoolDomain owned(UserPool pool, String domain) {
    return domains
        .find(domain)
        .filter(d -> d.userPoolId().equals(pool.id()))
        .orElseThrow(() -> CognitoException.invalidParameter(NO_SUCH_DOMAIN));
  }

  private static int loginVersion(Optional<Integer> requested) {
    int version = requested.orElse(1);
    if (version != 1 && version != 2) {
      throw CognitoException.invalidParameter("ManagedLoginVersion must be 1 or 2.");
    }
    return version;
  }

  /**
   * A prefix follows the model's pattern and may not contain a word Cognito keeps for itself. Cognito answers a
   * prefix off the pattern in words of its own, not with the model's validation text: its front end does not apply
   * this pattern, which a custom domain would fail.
   */
  private static void checkPrefix(String domain) {
    if (!PREFIX.matcher(domain).matches()) {
      throw CognitoException.invalidParameter(
          "The domain name contains an invalid character. Domain names can only contain lower-case letters, numbers,"
              + " and hyphens. Please enter a different name that follows this format: " + PREFIX_PATTERN);
    }
    for (String word : RESERVED_WORDS) {
      if (domain.contains(word)) {
        throw CognitoException.invalidParameter("Domain cannot contain reserved word: " + word);
      }
    }
  }

  /** Names in Describe, Update and Delete are a prefix or a custom host name. */
  private static void checkSyntax(String domain) {
    if (!PREFIX.matcher(domain).matches() && !HOST_NAME.matcher(domain).matches()) {
      throw patternViolation(domain);
    }
  }

  private static CognitoException patternViolation(String domain) {
    return CognitoException.invalidParameter(
        "1 validation error detected: Value '" + domain + "' at 'domain' failed to satisfy constraint: Member must"
            + " satisfy regular expression pattern: " + PREFIX_PATTERN);
  }
}
