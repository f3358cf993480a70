package dev.cognate.service;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.ResourceServerStore;
import java.util.List;
import java.util.Set;

/**
 * Checks what an app client's OAuth settings name against the pool: each supported identity provider must exist
 * (COGNITO, the pool itself, always does), and each allowed scope must be a standard one or
 * {@code <resource server identifier>/<scope name>} of a resource server of the pool.
 */
public final class ClientOAuthReferences {
  private static final Set<String> STANDARD_SCOPES =
      Set.of("phone", "email", "openid", "profile", "aws.cognito.signin.user.admin");

  private final IdentityProviders providers;
  private final ResourceServerStore servers;

  public ClientOAuthReferences(IdentityProviders providers, ResourceServerStore servers) {
    this.providers = providers;
    this.servers = servers;
  }

  public void check(String userPoolId, List<String> supportedIdentityProviders, List<String> allowedOAuthScopes) {
    for (String provider : supportedIdentityProviders) {
      if (!IdentityProviders.COGNITO.equals(provider) && providers.named(userPoolId, provider).isEmpty()) {
        throw CognitoException.invalidParameter(
            "The provider " + provider + " does not exist for User Pool " + userPoolId + ".");
      }
    }
    for (String scope : allowedOAuthScopes) {
      if (!STANDARD_SCOPES.contains(scope) && !isCustomScope(userPoolId, scope)) {
        throw new CognitoException(CognitoErrorType.SCOPE_DOES_NOT_EXIST, "Invalid scope requested: " + scope);
      }
    }
  }

  /** Scope names cannot contain a slash, identifiers can (URLs): the identifier ends at the last one. */
  private boolean isCustomScope(String userPoolId, String scope) {
    int slash = scope.lastIndexOf('/');
    if (slash <= 0 || slash == scope.length() - 1) {
      return false;
    }
    String scopeName = scope.substring(slash + 1);
    return servers
        .find(userPoolId, scope.substring(0, slash))
        .filter(server -> server.defines(scopeName))
        .isPresent();
  }
}
