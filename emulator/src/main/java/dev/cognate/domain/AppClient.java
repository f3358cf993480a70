package dev.cognate.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An app client's stored settings; like {@link UserPool}, {@code echoed} keeps settings described back but not
 * acted on (OAuth URLs and scopes, read/write attributes, ...).
 */
public record AppClient(
    String userPoolId,
    String clientId,
    String name,
    Optional<String> secret,
    Instant createdAt,
    Instant modifiedAt,
    List<String> explicitAuthFlows,
    TokenValidity tokenValidity,
    boolean preventUserExistenceErrors,
    boolean enableTokenRevocation,
    int authSessionValidity,
    Map<String, Object> echoed) {

  /** What Cognito allows when CreateUserPoolClient has no ExplicitAuthFlows. */
  public static final List<String> DEFAULT_FLOWS =
      List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");

  public static final List<String> LEGACY_FLOWS =
      List.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH");

  /** Whether an auth flow may run through this client, legacy flow names included. */
  public boolean allows(AuthFlow flow) {
    boolean legacy = explicitAuthFlows.stream().anyMatch(LEGACY_FLOWS::contains);
    return switch (flow) {
      case ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH ->
          explicitAuthFlows.contains("ALLOW_ADMIN_USER_PASSWORD_AUTH")
              || explicitAuthFlows.contains("ADMIN_NO_SRP_AUTH");
      case USER_PASSWORD_AUTH ->
          explicitAuthFlows.contains("ALLOW_USER_PASSWORD_AUTH")
              || explicitAuthFlows.contains("USER_PASSWORD_AUTH");
      case USER_SRP_AUTH -> explicitAuthFlows.contains("ALLOW_USER_SRP_AUTH") || legacy;
      case CUSTOM_AUTH ->
          explicitAuthFlows.contains("ALLOW_CUSTOM_AUTH") || explicitAuthFlows.contains("CUSTOM_AUTH_FLOW_ONLY");
      case REFRESH_TOKEN_AUTH, REFRESH_TOKEN -> explicitAuthFlows.contains("ALLOW_REFRESH_TOKEN_AUTH") || legacy;
      case USER_AUTH -> explicitAuthFlows.contains("ALLOW_USER_AUTH");
    };
  }

  public boolean hasSecret() {
    return secret.isPresent();
  }
}
