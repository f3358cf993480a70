package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.refresh;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.testing.MutableClock;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.support.TestEmulator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** Tokens: JWT shape, signatures against the JWKS, issuer/discovery, refresh, revocation and GetUser. */
class TokensIT {
  private static final String PASSWORD = "Passw0rd!";
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  // One emulator and one pool per class (the clock only moves forward and every test signs in afresh); each test
  // has its own confirmed user. Tests that need another configuration start their own emulator.
  private static final MutableClock clock = MutableClock.startingNow();

  @RegisterExtension
  static final EmulatorExtension emulator = EmulatorExtension.start(CognateConfig.forTests().clock(clock));

  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();
  private static Pool pool;

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private String alice;
  private Fixture f;

  @BeforeAll
  static void createPool() {
    pool = poolAndClient(cognito);
  }

  @BeforeEach
  void user() {
    alice = "alice-" + SEQUENCE.incrementAndGet();
    f = new Fixture(pool.poolId(), pool.clientId(), confirmedUser(cognito, cognate, pool, alice));
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception ignored) {
        // best effort: a closed emulator may already have been closed by the test
      }
    }
    closeables.clear();
  }

  // ---------------------------------------------------------------- JWS, JWKS

  @Test
  void tokensAreRs256SignedByTwoPoolKeysPublishedInJwks() throws Exception {
    AuthenticationResultType tokens = signIn(cognito, f.clientId, alice, PASSWORD);
    SignedJWT id = SignedJWT.parse(tokens.idToken());
    SignedJWT access = SignedJWT.parse(tokens.accessToken());

    for (SignedJWT jwt : List.of(id, access)) {
      JWSHeader header = jwt.getHeader();
      assertEquals(JWSAlgorithm.RS256, header.getAlgorithm());
      assertNotNull(header.getKeyID(), "kid");
      assertFalse(header.getKeyID().isBlank());
    }
    assertNotEquals(id.getHeader().getKeyID(), access.getHeader().getKeyID(), "ID and access use different keys");

    String iss = id.getJWTClaimsSet().getIssuer();
    HttpResponse<String> jwksResponse = Http.get(iss + "/.well-known/jwks.json");
    assertEquals(200, jwksResponse.statusCode());
    Map<String, Object> raw = JSONObjectUtils.parse(jwksResponse.body());
    assertEquals(Set.of("keys"), raw.keySet());
    List<Object> rawKeys = JSONObjectUtils.getJSONArray(raw, "keys");
    assertTrue(rawKeys.size() >= 2, "JWKS should list at least the ID and access keys");
    for (Object rawKey : rawKeys) {
      @SuppressWarnings("unchecked")
      Map<String, Object> key = (Map<String, Object>) rawKey;
      assertEquals(Set.of("kid", "kty", "alg", "use", "n", "e"), key.keySet(), "JWK members: " + key.keySet());
      assertEquals("RSA", key.get("kty"));
      assertEquals("RS256", key.get("alg"));
      assertEquals("sig", key.get("use"));
      assertFalse(key.containsKey("d"));
      assertFalse(key.containsKey("p"));
      assertFalse(key.containsKey("q"));
    }

    JWKSet jwks = JWKSet.parse(jwksResponse.body());
    for (JWK jwk : jwks.getKeys()) {
      assertFalse(jwk.isPrivate(), "JWKS must hold only public keys");
    }
    Set<String> kids = jwks.getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
    assertTrue(kids.contains(id.getHeader().getKeyID()), "ID kid in JWKS");
    assertTrue(kids.contains(access.getHeader().getKeyID()), "access kid in JWKS");

    RSAKey idKey = jwks.getKeyByKeyId(id.getHeader().getKeyID()).toRSAKey();
    RSAKey accessKey = jwks.getKeyByKeyId(access.getHeader().getKeyID()).toRSAKey();
    assertTrue(id.verify(new RSASSAVerifier(idKey)), "ID token signature");
    assertTrue(access.verify(new RSASSAVerifier(accessKey)), "access token signature");
    assertFalse(SignedJWT.parse(tokens.idToken()).verify(new RSASSAVerifier(accessKey)), "ID token not signed by access key");
  }

  @Test
  void idTokenClaims() throws Exception {
    AuthenticationResultType tokens = signIn(cognito, f.clientId, alice, PASSWORD);
    SignedJWT id = SignedJWT.parse(tokens.idToken());
    JWTClaimsSet c = id.getJWTClaimsSet();
    Map<String, Object> raw = JSONObjectUtils.parse(id.getPayload().toString());

    assertEquals(
        Set.of(
            "sub", "email_verified", "iss", "cognito:username", "origin_jti", "aud", "event_id", "token_use",
            "auth_time", "exp", "iat", "jti", "email", "custom:x"),
        raw.keySet());
    assertEquals(f.sub, c.getSubject());
    assertTrue(c.getSubject().matches(UUID), c.getSubject());
    assertEquals(Boolean.TRUE, raw.get("email_verified"), "email_verified is a JSON boolean true");
    assertEquals(cognate.endpoint() + "/" + f.poolId, c.getIssuer());
    assertEquals(alice, raw.get("cognito:username"));
    assertEquals(f.clientId, raw.get("aud"), "aud is the client id as a string");
    assertEquals("id", raw.get("token_use"));
    assertEquals(alice + "@example.com", raw.get("email"));
    assertEquals("42", raw.get("custom:x"), "custom attributes are string claims");
    assertInstanceOf(String.class, raw.get("custom:x"));
    assertTrue(((String) raw.get("origin_jti")).matches(UUID));
    assertTrue(((String) raw.get("event_id")).matches(UUID));
    assertTrue(c.getJWTID().matches(UUID));
    assertInstanceOf(Number.class, raw.get("auth_time"));
    assertInstanceOf(Number.class, raw.get("exp"));
    assertInstanceOf(Number.class, raw.get("iat"));
    long iat = ((Number) raw.get("iat")).longValue();
    long exp = ((Number) raw.get("exp")).longValue();
    long authTime = ((Number) raw.get("auth_time")).longValue();
    assertEquals(3600, exp - iat);
    assertTrue(authTime <= iat);
    assertTrue(Math.abs(iat - clock.instant().getEpochSecond()) <= 5, "iat comes from the emulator clock");
  }

  @Test
  void accessTokenClaims() throws Exception {
    AuthenticationResultType tokens = signIn(cognito, f.clientId, alice, PASSWORD);
    SignedJWT access = SignedJWT.parse(tokens.accessToken());
    JWTClaimsSet c = access.getJWTClaimsSet();
    Map<String, Object> raw = JSONObjectUtils.parse(access.getPayload().toString());
    JWTClaimsSet id = SignedJWT.parse(tokens.idToken()).getJWTClaimsSet();

    assertEquals(
        Set.of(
            "sub", "iss", "client_id", "origin_jti", "event_id", "token_use", "scope", "auth_time", "exp", "iat",
            "jti", "username"),
        raw.keySet());
    assertFalse(raw.containsKey("aud"));
    assertEquals(f.sub, c.getSubject());
    assertEquals(cognate.endpoint() + "/" + f.poolId, c.getIssuer());
    assertEquals(f.clientId, raw.get("client_id"));
    assertEquals("access", raw.get("token_use"));
    assertEquals("aws.cognito.signin.user.admin", raw.get("scope"));
    assertEquals(alice, raw.get("username"));
    assertEquals(3600, (c.getExpirationTime().getTime() - c.getIssueTime().getTime()) / 1000);
    assertTrue(c.getJWTID().matches(UUID));
    assertNotEquals(id.getJWTID(), c.getJWTID(), "each token has its own jti");
    assertEquals(id.getStringClaim("origin_jti"), raw.get("origin_jti"), "one sign-in, one origin_jti");
    assertEquals(id.getLongClaim("auth_time"), ((Number) raw.get("auth_time")).longValue());
  }

  // ---------------------------------------------------------------- issuer, discovery

  @Test
  void issuerAndDiscoveryDocument() throws Exception {
    AuthenticationResultType tokens = signIn(cognito, f.clientId, alice, PASSWORD);
    String iss = SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getIssuer();
    assertEquals(cognate.endpoint().toString() + "/" + f.poolId, iss);
    assertEquals(iss, SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getIssuer());

    HttpResponse<String> response = Http.get(iss + "/.well-known/openid-configuration");
    assertEquals(200, response.statusCode());
    Map<String, Object> discovery = JSONObjectUtils.parse(response.body());
    assertEquals(iss, discovery.get("issuer"));
    assertEquals(iss + "/.well-known/jwks.json", discovery.get("jwks_uri"));
    assertEquals(List.of("RS256"), discovery.get("id_token_signing_alg_values_supported"));
    assertEquals(List.of("public"), discovery.get("subject_types_supported"));
    assertInstanceOf(List.class, discovery.get("response_types_supported"));
    assertFalse(((List<?>) discovery.get("response_types_supported")).isEmpty());

    assertEquals(
        404, Http.get(cognate.endpoint() + "/us-east-1_NoSuchPo0l/.well-known/openid-configuration").statusCode());
  }

  @Test
  void jwksOfAPoolWhoseKeysAreInMemoryIsGoneWithThePool() throws Exception {
    Pool doomed = poolAndClient(cognito);
    confirmedUser(cognito, cognate, doomed, "bob");
    signIn(cognito, doomed.clientId(), "bob", PASSWORD);
    String jwksUrl = cognate.endpoint() + "/" + doomed.poolId() + "/.well-known/jwks.json";
    HttpResponse<String> first = Http.get(jwksUrl);
    assertEquals(200, first.statusCode());
    assertEquals(first.body(), Http.get(jwksUrl).body(), "the same keys at each fetch");

    cognito.deleteUserPool(r -> r.userPoolId(doomed.poolId()));

    HttpResponse<String> gone = Http.get(jwksUrl);
    assertEquals(404, gone.statusCode());
    assertTrue(gone.body().contains("No such user pool."), gone.body());
  }

  /**
   * The first JWKS fetches of a pool make its keys; a DeleteUserPool racing them must leave no keys in memory (the
   * JWKS would then outlive the pool) and none of them may fail with a 500.
   */
  @Test
  void jwksFetchesRacingThePoolsDeletionAnswerAsIfInSomeOrder() throws Exception {
    List<String> outcomes = new ArrayList<>();
    for (int round = 0; round < 40; round++) {
      Pool doomed = poolAndClient(cognito);
      String jwksUrl = cognate.endpoint() + "/" + doomed.poolId() + "/.well-known/jwks.json";
      List<Race.Outcome> race =
          Race.run(
              5,
              5,
              i -> {
                if (i == 2) {
                  cognito.deleteUserPool(r -> r.userPoolId(doomed.poolId()));
                  return "deleted";
                }
                try {
                  return Integer.toString(Http.get(jwksUrl).statusCode());
                } catch (java.io.IOException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      race.forEach(o -> outcomes.add(o.toString()));
      assertEquals(404, Http.get(jwksUrl).statusCode(), "round " + round + ": " + race);
    }
    assertTrue(outcomes.stream().allMatch(o -> o.contains("200") || o.contains("404") || o.contains("deleted")),
        outcomes.toString());
  }

  @Test
  void configuredIssuerIsUsedInTokensAndDiscovery() throws Exception {
    String base = "https://cognito-idp.us-east-1.amazonaws.com";
    Cognate withIssuer = track(TestEmulator.start(CognateConfig.forTests().issuer(base)));
    CognitoIdentityProviderClient client = track(TestEmulator.client(withIssuer));
    Pool f = poolAndClient(client);
    confirmedUser(client, withIssuer, f, "alice");
    AuthenticationResultType tokens = signIn(client, f.clientId(), "alice", PASSWORD);

    String expected = base + "/" + f.poolId();
    assertEquals(expected, SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getIssuer());
    assertEquals(expected, SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getIssuer());

    Map<String, Object> discovery =
        JSONObjectUtils.parse(
            Http.get(withIssuer.endpoint() + "/" + f.poolId() + "/.well-known/openid-configuration").body());
    assertEquals(expected, discovery.get("issuer"));
    assertEquals(expected + "/.well-known/jwks.json", discovery.get("jwks_uri"));

    // The token still verifies against the JWKS served locally.
    JWKSet jwks = JWKSet.parse(Http.get(withIssuer.endpoint() + "/" + f.poolId() + "/.well-known/jwks.json").body());
    SignedJWT id = SignedJWT.parse(tokens.idToken());
    assertTrue(id.verify(new RSASSAVerifier(jwks.getKeyByKeyId(id.getHeader().getKeyID()).toRSAKey())));
    // And GetUser accepts its access token.
    assertEquals("alice", client.getUser(r -> r.accessToken(tokens.accessToken())).username());
  }

  @Test
  void anotherPoolsJwksDoesNotVerifyTheToken() throws Exception {
    Pool b = poolAndClient(cognito);
    AuthenticationResultType tokens = signIn(cognito, f.clientId, alice, PASSWORD);
    JWKSet otherJwks = JWKSet.parse(Http.get(cognate.endpoint() + "/" + b.poolId() + "/.well-known/jwks.json").body());

    for (String token : List.of(tokens.idToken(), tokens.accessToken())) {
      SignedJWT jwt = SignedJWT.parse(token);
      assertNull(otherJwks.getKeyByKeyId(jwt.getHeader().getKeyID()), "kid must not be in the other pool's JWKS");
      for (JWK key : otherJwks.getKeys()) {
        assertFalse(SignedJWT.parse(token).verify(new RSASSAVerifier(key.toRSAKey())));
      }
    }
  }

  // ---------------------------------------------------------------- refresh

  @Test
  void refreshIssuesNewTokensKeepingOriginJtiAndAuthTime() throws Exception {
    AuthenticationResultType first = signIn(cognito, f.clientId, alice, PASSWORD);
    JWTClaimsSet firstId = SignedJWT.parse(first.idToken()).getJWTClaimsSet();
    JWTClaimsSet firstAccess = SignedJWT.parse(first.accessToken()).getJWTClaimsSet();

    for (AuthFlowType flow : List.of(AuthFlowType.REFRESH_TOKEN_AUTH, AuthFlowType.REFRESH_TOKEN)) {
      clock.advance(Duration.ofMinutes(10));
      InitiateAuthResponse response =
          cognito.initiateAuth(
              r ->
                  r.clientId(f.clientId)
                      .authFlow(flow)
                      .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken())));
      AuthenticationResultType refreshed = response.authenticationResult();
      assertNull(response.challengeName());
      assertNotNull(refreshed, flow.toString());
      assertNull(refreshed.refreshToken(), "no new refresh token on " + flow);
      assertEquals("Bearer", refreshed.tokenType());
      assertEquals(3600, refreshed.expiresIn());
      assertNotEquals(first.idToken(), refreshed.idToken());
      assertNotEquals(first.accessToken(), refreshed.accessToken());

      JWTClaimsSet id = SignedJWT.parse(refreshed.idToken()).getJWTClaimsSet();
      JWTClaimsSet access = SignedJWT.parse(refreshed.accessToken()).getJWTClaimsSet();
      assertEquals(firstId.getStringClaim("origin_jti"), id.getStringClaim("origin_jti"), flow + " id origin_jti");
      assertEquals(firstAccess.getStringClaim("origin_jti"), access.getStringClaim("origin_jti"));
      assertEquals(firstId.getLongClaim("auth_time"), id.getLongClaim("auth_time"), flow + " auth_time");
      assertEquals(firstAccess.getLongClaim("auth_time"), access.getLongClaim("auth_time"));
      assertNotEquals(firstId.getJWTID(), id.getJWTID());
      assertNotEquals(firstAccess.getJWTID(), access.getJWTID());
      assertTrue(id.getIssueTime().after(firstId.getIssueTime()), "new iat");
      assertEquals(alice, id.getStringClaim("cognito:username"));
      assertEquals(alice, access.getStringClaim("username"));
      assertEquals(alice, cognito.getUser(r -> r.accessToken(refreshed.accessToken())).username());
    }
  }

  // ---------------------------------------------------------------- GetUser

  @Test
  void getUserWithAccessToken() throws Exception {
    AuthenticationResultType tokens = signIn(cognito, f.clientId, alice, PASSWORD);

    GetUserResponse user = cognito.getUser(r -> r.accessToken(tokens.accessToken()));
    assertEquals(alice, user.username());
    Map<String, String> attributes = attributes(user.userAttributes());
    assertEquals(f.sub, attributes.get("sub"));
    assertEquals(alice + "@example.com", attributes.get("email"));
    assertEquals("true", attributes.get("email_verified"));
    assertEquals("42", attributes.get("custom:x"));
  }

  @Test
  void getUserRejectsIdTamperedAndGarbageTokens() throws Exception {
    AuthenticationResultType tokens = signIn(cognito, f.clientId, alice, PASSWORD);

    assertCognitoError(
        "NotAuthorizedException",
        "Invalid Access Token",
        () -> cognito.getUser(r -> r.accessToken(tokens.idToken())));
    String tampered = tamperPayload(tokens.accessToken());
    assertCognitoError(
        "NotAuthorizedException",
        "Invalid Access Token",
        () -> cognito.getUser(r -> r.accessToken(tampered)));
    assertCognitoError(
        "NotAuthorizedException",
        "Invalid Access Token",
        () -> cognito.getUser(r -> r.accessToken("garbage")));
    assertCognitoError(
        "NotAuthorizedException",
        "Invalid Access Token",
        () -> cognito.getUser(r -> r.accessToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")));
    // The untouched token still works.
    assertEquals(alice, cognito.getUser(r -> r.accessToken(tokens.accessToken())).username());
  }

  @Test
  void getUserWithExpiredAccessToken() {
    AuthenticationResultType tokens = signIn(cognito, f.clientId, alice, PASSWORD);
    assertEquals(alice, cognito.getUser(r -> r.accessToken(tokens.accessToken())).username());

    clock.advance(Duration.ofHours(2));
    assertCognitoError(
        "NotAuthorizedException",
        "Access Token has expired",
        () -> cognito.getUser(r -> r.accessToken(tokens.accessToken())));

    // The refresh token (30 days) still works and yields a usable access token.
    AuthenticationResultType refreshed = refresh(cognito, f.clientId, tokens.refreshToken());
    assertEquals(alice, cognito.getUser(r -> r.accessToken(refreshed.accessToken())).username());
  }

  // ---------------------------------------------------------------- revocation

  @Test
  void revokeTokenRevokesOnlyThatSession() {
    AuthenticationResultType a = signIn(cognito, f.clientId, alice, PASSWORD);
    AuthenticationResultType aRefreshed = refresh(cognito, f.clientId, a.refreshToken());
    AuthenticationResultType b = signIn(cognito, f.clientId, alice, PASSWORD);

    cognito.revokeToken(r -> r.clientId(f.clientId).token(a.refreshToken()));

    assertCognitoError(
        "NotAuthorizedException",
        "Refresh Token has been revoked",
        () -> refresh(cognito, f.clientId, a.refreshToken()));
    assertCognitoError(
        "NotAuthorizedException",
        "Access Token has been revoked",
        () -> cognito.getUser(r -> r.accessToken(a.accessToken())));
    assertCognitoError(
        "NotAuthorizedException",
        "Access Token has been revoked",
        () -> cognito.getUser(r -> r.accessToken(aRefreshed.accessToken())));

    // The other session is unaffected.
    assertEquals(alice, cognito.getUser(r -> r.accessToken(b.accessToken())).username());
    assertNotNull(refresh(cognito, f.clientId, b.refreshToken()).accessToken());

    // Revoking twice is fine.
    cognito.revokeToken(r -> r.clientId(f.clientId).token(a.refreshToken()));
  }

  @Test
  void revokeUnknownTokenIsInvalidRefreshToken() {
    assertCognitoError(
        "NotAuthorizedException",
        "Invalid Refresh Token.",
        () -> cognito.revokeToken(r -> r.clientId(f.clientId).token("eyJub3QiOiJhIHRva2VuIn0.bm9wZQ.bm9wZQ.x.y")));
  }

  @Test
  void globalSignOutRevokesEverySession() {
    AuthenticationResultType a = signIn(cognito, f.clientId, alice, PASSWORD);
    AuthenticationResultType b = signIn(cognito, f.clientId, alice, PASSWORD);

    cognito.globalSignOut(r -> r.accessToken(a.accessToken()));

    for (AuthenticationResultType session : List.of(a, b)) {
      assertCognitoError(
          "NotAuthorizedException",
          "Refresh Token has been revoked",
          () -> refresh(cognito, f.clientId, session.refreshToken()));
      assertCognitoError(
          "NotAuthorizedException",
          "Access Token has been revoked",
          () -> cognito.getUser(r -> r.accessToken(session.accessToken())));
    }

    // A new sign-in works again.
    AuthenticationResultType c = signIn(cognito, f.clientId, alice, PASSWORD);
    assertEquals(alice, cognito.getUser(r -> r.accessToken(c.accessToken())).username());
    assertNotNull(refresh(cognito, f.clientId, c.refreshToken()).idToken());
  }

  @Test
  void garbageRefreshTokenIsInvalid() {
    for (AuthFlowType flow : List.of(AuthFlowType.REFRESH_TOKEN_AUTH, AuthFlowType.REFRESH_TOKEN)) {
      assertCognitoError(
          "NotAuthorizedException",
          "Invalid Refresh Token.",
          () ->
              cognito.initiateAuth(
                  r -> r.clientId(f.clientId).authFlow(flow).authParameters(Map.of("REFRESH_TOKEN", "garbage"))));
    }
  }

  // ---------------------------------------------------------------- persistence

  @Test
  void tokensSurviveRestartOnFileDatabase(@TempDir Path dataDir) throws Exception {
    String accessToken;
    String refreshToken;
    String poolId;
    String clientId;
    Set<String> kidsBefore;
    try (Cognate first = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
        CognitoIdentityProviderClient client = TestEmulator.client(first)) {
      Pool f = poolAndClient(client);
      confirmedUser(client, first, f, "alice");
      poolId = f.poolId();
      clientId = f.clientId();
      AuthenticationResultType tokens = signIn(client, f.clientId(), "alice", PASSWORD);
      accessToken = tokens.accessToken();
      refreshToken = tokens.refreshToken();
      kidsBefore = kids(first, poolId);
      assertEquals(2, kidsBefore.size());
    }

    try (Cognate second = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
        CognitoIdentityProviderClient client = TestEmulator.client(second)) {
      assertEquals("alice", client.getUser(r -> r.accessToken(accessToken)).username());
      assertEquals(kidsBefore, kids(second, poolId));
      AuthenticationResultType refreshed = refresh(client, clientId, refreshToken);
      SignedJWT id = SignedJWT.parse(refreshed.idToken());
      JWKSet jwks = JWKSet.parse(Http.get(second.endpoint() + "/" + poolId + "/.well-known/jwks.json").body());
      assertTrue(id.verify(new RSASSAVerifier(jwks.getKeyByKeyId(id.getHeader().getKeyID()).toRSAKey())));
    }
  }

  // ---------------------------------------------------------------- helpers

  private record Fixture(String poolId, String clientId, String sub) {}

  /** A pool (auto-verified e-mail, custom attribute x) and a USER_PASSWORD_AUTH + refresh client. */
  private static Pool poolAndClient(CognitoIdentityProviderClient client) {
    return Pools.pool(
        client,
        p -> p.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
            .schema(
                SchemaAttributeType.builder()
                    .name("x")
                    .attributeDataType(AttributeDataType.STRING)
                    .mutable(true)
                    .build()),
        c -> c.explicitAuthFlows(
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  /** Signs up (e-mail username@example.com, custom:x = "42") and confirms with the e-mailed code; returns the sub. */
  private static String confirmedUser(
      CognitoIdentityProviderClient client, Cognate running, Pool pool, String username) {
    return signUpConfirmed(
        client, running, pool, username, PASSWORD, attr("email", username + "@example.com"), attr("custom:x", "42"));
  }

  private static Set<String> kids(Cognate from, String poolId) throws Exception {
    HttpResponse<String> response = Http.get(from.endpoint() + "/" + poolId + "/.well-known/jwks.json");
    assertEquals(200, response.statusCode());
    return new HashSet<>(
        JWKSet.parse(response.body()).getKeys().stream().map(JWK::getKeyID).collect(Collectors.toList()));
  }

  /** Changes one character in the middle of the payload, keeping it valid base64url. */
  private static String tamperPayload(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    char[] payload = parts[1].toCharArray();
    int i = payload.length / 2;
    payload[i] = payload[i] == 'A' ? 'B' : 'A';
    parts[1] = new String(payload);
    String tampered = String.join(".", parts);
    assertNotEquals(jwt, tampered);
    // Still decodes, so only the signature check can catch it.
    new Base64URL(parts[1]).decodeToString();
    return tampered;
  }

  private <T extends AutoCloseable> T track(T closeable) {
    closeables.add(closeable);
    return closeable;
  }
}
