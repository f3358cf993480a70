package dev.cognate.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.error.CognitoException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;

/** Checks an access token the way Cognito's token-authenticated operations do: signature, type, expiry. */
public final class AccessTokenVerifier {
  private final SigningKeys keys;

  public AccessTokenVerifier(SigningKeys keys) {
    this.keys = keys;
  }

  /** The claims of a genuine, unexpired access token; otherwise Cognito's NotAuthorizedException. */
  public VerifiedAccessToken verify(String token, Instant now) {
    JWTClaimsSet claims = verifiedClaims(token).orElseThrow(() -> CognitoException.notAuthorized("Invalid Access Token"));
    Instant expiry = claims.getExpirationTime().toInstant();
    if (!now.isBefore(expiry)) {
      throw CognitoException.notAuthorized("Access Token has expired");
    }
    return new VerifiedAccessToken(
        poolIdOf(claims.getIssuer()),
        claims.getSubject(),
        (String) claims.getClaim("client_id"),
        (String) claims.getClaim("origin_jti"),
        (String) claims.getClaim("username"));
  }

  private Optional<JWTClaimsSet> verifiedClaims(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (claims.getIssuer() == null
          || claims.getExpirationTime() == null
          || !"access".equals(claims.getClaim("token_use"))
          || !(claims.getClaim("origin_jti") instanceof String)
          || claims.getSubject() == null) {
        return Optional.empty();
      }
      Optional<SigningKeys.PoolKeys> poolKeys = keys.existing(poolIdOf(claims.getIssuer()));
      if (poolKeys.isEmpty()
          || !poolKeys.get().access().signed(jwt)) {
        return Optional.empty();
      }
      return Optional.of(claims);
    } catch (ParseException | JOSEException | ClassCastException e) {
      return Optional.empty();
    }
  }

  private static String poolIdOf(String issuer) {
    return issuer.substring(issuer.lastIndexOf('/') + 1);
  }

  /** What the operations need from a verified access token. */
  public record VerifiedAccessToken(
      String userPoolId, String sub, String clientId, String sessionId, String username) {}
}
