package dev.cognate.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What API Gateway's {@code COGNITO_USER_POOLS} authorizer does for a method without scopes: the
 * {@code Authorization} header must hold an ID token of the pool (raw or after {@code Bearer }), RS256-signed by one of
 * the pool's keys, for this app client, unexpired. The handler never runs otherwise.
 */
public final class IdTokenAuthorizer {
  static final ApiResponse UNAUTHORIZED = ApiResponse.of(401, "message", "Unauthorized");
  static final ApiResponse EXPIRED = ApiResponse.of(401, "message", "The incoming token has expired");
  // API Gateway hands dates to the function in java.util.Date's format, in UTC.
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.US).withZone(ZoneOffset.UTC);

  private final String issuer;
  private final String clientId;
  private final PoolKeys keys;
  private final Clock clock;

  public IdTokenAuthorizer(String issuer, String clientId, PoolKeys keys, Clock clock) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.keys = keys;
    this.clock = clock;
  }

  /** The outcome: the claims for the handler, or the 401 to answer instead. */
  public record Decision(Optional<Map<String, String>> claims, ApiResponse refusal) {
    static Decision refuse(ApiResponse refusal) {
      return new Decision(Optional.empty(), refusal);
    }
  }

  public Decision authorize(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      return Decision.refuse(UNAUTHORIZED);
    }
    String token = authorizationHeader.strip();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).strip();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
        return Decision.refuse(UNAUTHORIZED);
      }
      Optional<RSAKey> key = keys.find(jwt.getHeader().getKeyID());
      if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get().toRSAPublicKey()))) {
        return Decision.refuse(UNAUTHORIZED);
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!issuer.equals(claims.getIssuer())
          || !"id".equals(claims.getClaim("token_use"))
          || !List.of(clientId).equals(claims.getAudience())
          || claims.getExpirationTime() == null) {
        return Decision.refuse(UNAUTHORIZED);
      }
      if (!clock.instant().isBefore(claims.getExpirationTime().toInstant())) {
        return Decision.refuse(EXPIRED);
      }
      return new Decision(Optional.of(flatten(claims)), null);
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Decision.refuse(UNAUTHORIZED);
    }
  }

  /** Claims as strings, the way the Lambda proxy event carries them in {@code requestContext.authorizer.claims}. */
  static Map<String, String> flatten(JWTClaimsSet claims) {
    Map<String, String> flat = new LinkedHashMap<>();
    claims.getClaims().forEach((name, value) -> {
      if (value instanceof Date date) {
        flat.put(name, DATE.format(date.toInstant()));
      } else if (value instanceof List<?> list) {
        flat.put(name, String.join(",", list.stream().map(String::valueOf).toList()));
      } else {
        flat.put(name, String.valueOf(value));
      }
    });
    return flat;
  }
}
