package dev.cognate.token;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.cognate.domain.AppClient;
import dev.cognate.domain.AuthSession;
import dev.cognate.domain.Group;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.random.Randomness;
import dev.cognate.storage.GroupStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Signs ID and access tokens with the claims Cognito puts in them for API (non-OAuth) sign-ins. */
public final class TokenIssuer {
  public static final String ADMIN_SCOPE = "aws.cognito.signin.user.admin";

  private final SigningKeys keys;
  private final GroupStore groups;
  private final PreTokenGeneration preTokenGeneration;
  private final SecureRandom random;

  public TokenIssuer(
      SigningKeys keys, GroupStore groups, PreTokenGeneration preTokenGeneration, SecureRandom random) {
    this.random = random;
    this.keys = keys;
    this.groups = groups;
    this.preTokenGeneration = preTokenGeneration;
  }

  /**
   * Tokens for a user of a sign-in session; refreshes reuse the session, so {@code origin_jti} and
   * {@code auth_time} stay those of the original sign-in.
   */
  public IssuedTokens issue(
      UserPool pool, AppClient client, User user, AuthSession session, String issuer, Instant now) {
    SigningKeys.PoolKeys poolKeys = keys.forPool(pool.id());
    String eventId = Randomness.uuid(random).toString();
    Duration accessLifetime = client.tokenValidity().access();
    Duration idLifetime = client.tokenValidity().id();

    // Read at each issue, refreshes included, so a refreshed token shows the memberships of the moment.
    List<Group> memberOf = groups.allGroupsOf(pool.id(), user.sub()).stream().sorted(Group.TOKEN_ORDER).toList();
    // A new session's first tokens are those of its sign-in; any later ones come from its refresh token.
    boolean refresh = !session.authTime().equals(now);
    PreTokenGeneration.Override override =
        preTokenGeneration.override(pool, client, user, memberOf, refresh);
    List<String> groupNames = override.groups();

    JWTClaimsSet.Builder id = new JWTClaimsSet.Builder().subject(user.sub());
    if (!groupNames.isEmpty()) {
      id.claim("cognito:groups", groupNames);
    }
    // The ID token carries what the client may read, as GetUser through that client shows it.
    Map<String, String> readable = client.readable(user.attributes());
    Optional.ofNullable(readable.get("email_verified"))
        .ifPresent(v -> id.claim("email_verified", Boolean.parseBoolean(v)));
    id.issuer(issuer)
        .claim("cognito:username", user.username())
        .claim("origin_jti", session.id())
        .audience(client.clientId())
        .claim("event_id", eventId)
        .claim("token_use", "id")
        .claim("auth_time", session.authTime().getEpochSecond())
        .expirationTime(Date.from(now.plus(idLifetime)))
        .issueTime(Date.from(now))
        .jwtID(Randomness.uuid(random).toString());
    for (Map.Entry<String, String> attribute : readable.entrySet()) {
      String name = attribute.getKey();
      if (name.equals("sub") || name.equals("email_verified")) {
        continue;
      }
      id.claim(name, claimValue(name, attribute.getValue()));
    }
    if (!override.roles().isEmpty()) {
      id.claim("cognito:roles", override.roles());
    }
    override.preferredRole().ifPresent(role -> id.claim("cognito:preferred_role", role));
    override.applyTo(id);

    JWTClaimsSet.Builder access = new JWTClaimsSet.Builder().subject(user.sub());
    if (!groupNames.isEmpty()) {
      access.claim("cognito:groups", groupNames);
    }
    access
        .issuer(issuer)
        .claim("client_id", client.clientId())
        .claim("origin_jti", session.id())
        .claim("event_id", eventId)
        .claim("token_use", "access")
        .claim("scope", ADMIN_SCOPE)
        .claim("auth_time", session.authTime().getEpochSecond())
        .expirationTime(Date.from(now.plus(accessLifetime)))
        .issueTime(Date.from(now))
        .jwtID(Randomness.uuid(random).toString())
            .claim("username", user.username());

    return new IssuedTokens(
        poolKeys.id().sign(id.build()), poolKeys.access().sign(access.build()), (int) accessLifetime.toSeconds());
  }

  // Cognito types the verified flags as booleans and updated_at as a number; everything else is a string.
  private static Object claimValue(String name, String value) {
    if (name.equals("phone_number_verified")) {
      return Boolean.parseBoolean(value);
    }
    if (name.equals("updated_at")) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        return value;
      }
    }
    return value;
  }
}
