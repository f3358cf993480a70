package dev.cognate.token;

import dev.cognate.storage.ParentGoneException;
import dev.cognate.storage.PoolStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A pool's JWKS and OpenID discovery document, as Cognito publishes them under the issuer. */
public final class WellKnownDocuments {
  private final PoolStore pools;
  private final SigningKeys keys;

  public WellKnownDocuments(PoolStore pools, SigningKeys keys) {
    this.pools = pools;
    this.keys = keys;
  }

  /**
   * The public keys only. A pool whose keys are in memory is served from there, without reading the pool: JWKS is
   * what every token-checking client fetches, and the pool's settings are the costliest row to read.
   */
  public Optional<Map<String, Object>> jwks(String userPoolId) {
    try {
      return keys.inMemory(userPoolId)
          .or(() -> pools.find(userPoolId).map(pool -> keys.forPool(pool.id())))
          .map(SigningKeys.PoolKeys::jwks);
    } catch (ParentGoneException deletedMeanwhile) {
      return Optional.empty();
    }
  }

  public Optional<Map<String, Object>> openIdConfiguration(String userPoolId, String issuer) {
    if (pools.find(userPoolId).isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> document = new LinkedHashMap<>();
    // Cognate has no hosted UI: the OAuth endpoints are listed for shape only and are not served.
    document.put("authorization_endpoint", issuer + "/oauth2/authorize");
    document.put("end_session_endpoint", issuer + "/logout");
    document.put("id_token_signing_alg_values_supported", List.of("RS256"));
    document.put("issuer", issuer);
    document.put("jwks_uri", issuer + "/.well-known/jwks.json");
    document.put("response_types_supported", List.of("code", "token"));
    document.put("revocation_endpoint", issuer + "/oauth2/revoke");
    document.put("scopes_supported", List.of("openid", "email", "phone", "profile"));
    document.put("subject_types_supported", List.of("public"));
    document.put("token_endpoint", issuer + "/oauth2/token");
    document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
    document.put("userinfo_endpoint", issuer + "/oauth2/userInfo");
    return Optional.of(document);
  }
}
