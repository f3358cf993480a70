package dev.cognate.service;

import dev.cognate.domain.AppClient;
import dev.cognate.domain.TokenValidity;
import dev.cognate.error.CognitoException;
import java.util.List;

/**
 * The checks an app client's settings pass, the same when CreateUserPoolClient sets them and when
 * UpdateUserPoolClient replaces them.
 */
public final class ClientSettings {
  private final ClientOAuthReferences oauthReferences;

  public ClientSettings(ClientOAuthReferences oauthReferences) {
    this.oauthReferences = oauthReferences;
  }

  /** The requested flows, or Cognito's default set when none are given; legacy and ALLOW_ names do not mix. */
  public List<String> explicitAuthFlows(List<String> requested) {
    List<String> flows = requested == null ? AppClient.DEFAULT_FLOWS : List.copyOf(requested);
    boolean legacy = flows.stream().anyMatch(AppClient.LEGACY_FLOWS::contains);
    boolean modern = flows.stream().anyMatch(f -> f.startsWith("ALLOW_"));
    if (legacy && modern) {
      throw CognitoException.invalidParameter("Legacy and ALLOW_ prefixed ExplicitAuthFlows values cannot be combined.");
    }
    return flows;
  }

  public TokenValidity checked(TokenValidity validity) {
    if (!validity.inRange()) {
      throw CognitoException.invalidParameter("Invalid range for token validity.");
    }
    return validity;
  }

  /** Identity providers and scopes the client names must exist in its pool. */
  public void checkOAuthReferences(
      String userPoolId, List<String> supportedIdentityProviders, List<String> allowedOAuthScopes) {
    oauthReferences.check(
        userPoolId,
        supportedIdentityProviders == null ? List.of() : supportedIdentityProviders,
        allowedOAuthScopes == null ? List.of() : allowedOAuthScopes);
  }
}
