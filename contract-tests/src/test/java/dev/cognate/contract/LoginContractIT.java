package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * Password sign-in: what a successful one answers (result, both tokens' claims, signatures and issuer), and how a
 * wrong password, an unknown user and a disabled flow are refused.
 */
class LoginContractIT extends ContractCase {
  private static final long FIVE_HOURS = 5 * 3600;
  private static final Set<String> ID_CLAIMS =
      Set.of("sub", "email_verified", "iss", "cognito:username", "origin_jti", "aud", "event_id", "token_use",
          "auth_time", "exp", "iat", "jti", "email");
  private static final Set<String> ACCESS_CLAIMS =
      Set.of("sub", "iss", "client_id", "origin_jti", "event_id", "token_use", "scope", "auth_time", "exp", "iat",
          "jti", "username");

  /** A confirmed user of the app's original pool, signed in with USER_PASSWORD_AUTH. */
  private record SignedIn(CognatePool pool, String username, String sub, InitiateAuthResponse response) {
    AuthenticationResultType result() {
      return response.authenticationResult();
    }
  }

  private static SignedIn signIn(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    String sub = Cases.signUpConfirmed(target, pool, username);
    return new SignedIn(pool, username, sub, Cases.login(target, pool, username));
  }

  // ------------------------------------------------------------------------------------------ success

  @Test
  void aConfirmedUserGetsBearerTokensAndNoChallenge(Target target) {
    SignedIn in = signIn(target);
    InitiateAuthResponse response = in.response();
    assertNull(response.challengeNameAsString());
    assertNull(response.session());
    assertTrue(response.hasChallengeParameters(), "ChallengeParameters is present");
    assertEquals(Map.of(), response.challengeParameters());
    AuthenticationResultType result = in.result();
    assertEquals("Bearer", result.tokenType());
    assertEquals(FIVE_HOURS, result.expiresIn().longValue(), "the original client's 5 without units means hours");
    assertNotNull(result.idToken());
    assertNotNull(result.accessToken());
    assertNotNull(result.refreshToken());
    assertFalse(result.refreshToken().isBlank());
    assertNull(result.newDeviceMetadata());
    assertEquals("id", Cases.payload(result.idToken()).path("token_use").asText());
    assertEquals("access", Cases.payload(result.accessToken()).path("token_use").asText());
  }

  @Test
  void theIdTokenCarriesCognitosClaims(Target target) {
    SignedIn in = signIn(target);
    JsonNode id = Cases.payload(in.result().idToken());
    assertEquals(ID_CLAIMS, names(id));
    assertEquals(in.sub(), id.get("sub").asText());
    assertEquals(in.username(), id.get("cognito:username").asText());
    assertEquals(Cases.email(in.username()), id.get("email").asText());
    assertTrue(id.get("aud").isTextual(), "a single audience, as a string");
    assertEquals(in.pool().clientId(), id.get("aud").asText());
    assertEquals("id", id.get("token_use").asText());
    assertEquals(Cases.expectedIssuer(target, in.pool().userPoolId()), id.get("iss").asText());

    JsonNode verified = id.get("email_verified");
    assertTrue(verified.isBoolean(), "email_verified is a JSON boolean, not " + verified);
    // The claim says what the pool holds; AdminConfirmSignUp (where the code cannot be read) verifies nothing.
    String held = Cases.attribute(target, in.pool(), in.username(), "email_verified").orElse("false");
    assertEquals(Boolean.parseBoolean(held), verified.booleanValue());
    if (target.can(Capability.READ_CODES)) {
      assertTrue(verified.booleanValue(), "the code e-mailed to the address verifies it");
    }

    assertTrue(id.get("jti").asText().matches(Cases.UUID_PATTERN), "jti " + id.get("jti"));
    assertTrue(id.get("event_id").asText().matches(Cases.UUID_PATTERN), "event_id " + id.get("event_id"));
    assertTrue(id.get("origin_jti").isTextual() && !id.get("origin_jti").asText().isBlank());
    assertNotEquals(id.get("jti").asText(), id.get("origin_jti").asText());
    for (String time : List.of("auth_time", "iat", "exp")) {
      assertTrue(id.get(time).isIntegralNumber(), time + " is a number of seconds, not " + id.get(time));
    }
    assertTrue(id.get("auth_time").asLong() <= id.get("iat").asLong());
    assertEquals(FIVE_HOURS, id.get("exp").asLong() - id.get("iat").asLong());
  }

  @Test
  void theAccessTokenCarriesCognitosClaims(Target target) {
    SignedIn in = signIn(target);
    JsonNode access = Cases.payload(in.result().accessToken());
    JsonNode id = Cases.payload(in.result().idToken());
    assertEquals(ACCESS_CLAIMS, names(access), "no aud in an access token");
    assertEquals(in.sub(), access.get("sub").asText());
    assertEquals(in.username(), access.get("username").asText());
    assertEquals(in.pool().clientId(), access.get("client_id").asText());
    assertEquals("access", access.get("token_use").asText());
    assertEquals("aws.cognito.signin.user.admin", access.get("scope").asText());
    assertEquals(Cases.expectedIssuer(target, in.pool().userPoolId()), access.get("iss").asText());
    assertTrue(access.get("jti").asText().matches(Cases.UUID_PATTERN), "jti " + access.get("jti"));
    assertTrue(access.get("event_id").asText().matches(Cases.UUID_PATTERN), "event_id " + access.get("event_id"));
    for (String time : List.of("auth_time", "iat", "exp")) {
      assertTrue(access.get(time).isIntegralNumber(), time + " is a number of seconds, not " + access.get(time));
    }
    assertEquals(FIVE_HOURS, access.get("exp").asLong() - access.get("iat").asLong());
    assertEquals(in.result().expiresIn().longValue(), access.get("exp").asLong() - access.get("iat").asLong());

    // One sign-in: both tokens share its origin, event and time, each has its own jti.
    assertEquals(id.get("origin_jti"), access.get("origin_jti"));
    assertEquals(id.get("event_id"), access.get("event_id"));
    assertEquals(id.get("auth_time"), access.get("auth_time"));
    assertNotEquals(id.get("jti"), access.get("jti"));
  }

  @Test
  void theTokensAreSignedByThePoolsJwksUnderTheDiscoveredIssuer(Target target) throws Exception {
    SignedIn in = signIn(target);
    String idToken = in.result().idToken();
    String accessToken = in.result().accessToken();
    String iss = Cases.payload(idToken).get("iss").asText();
    assertEquals(Cases.expectedIssuer(target, in.pool().userPoolId()), iss);
    assertEquals(iss, Cases.payload(accessToken).get("iss").asText());

    JsonNode discovery = Cases.getJson(URI.create(iss + "/.well-known/openid-configuration"));
    assertEquals(iss, discovery.path("issuer").asText());
    assertEquals(iss + "/.well-known/jwks.json", discovery.path("jwks_uri").asText());
    assertEquals(List.of("RS256"), Cases.JSON.convertValue(discovery.path("id_token_signing_alg_values_supported"), List.class));

    JWKSet jwks = JWKSet.parse(Cases.getJson(URI.create(iss + "/.well-known/jwks.json")).toString());
    for (JWK key : jwks.getKeys()) {
      assertEquals(KeyType.RSA, key.getKeyType());
      assertEquals(JWSAlgorithm.RS256, key.getAlgorithm());
      assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
      assertFalse(key.isPrivate(), "a JWKS publishes public keys only");
    }
    for (String token : List.of(idToken, accessToken)) {
      assertEquals(Set.of("kid", "alg"), names(Cases.header(token)), "header {kid, alg}, no typ");
      SignedJWT jwt = SignedJWT.parse(token);
      assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
      JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
      assertNotNull(key, "kid " + jwt.getHeader().getKeyID() + " is in the JWKS");
      assertTrue(jwt.verify(new RSASSAVerifier(((RSAKey) key).toRSAPublicKey())), "signature verifies");
    }
    assertNotEquals(
        SignedJWT.parse(idToken).getHeader().getKeyID(),
        SignedJWT.parse(accessToken).getHeader().getKeyID(),
        "ID and access tokens are signed with different keys");
  }

  // ------------------------------------------------------------------------------------------ refusals

  @Test
  void aWrongPasswordIsRefused(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    assertCognitoError(
        "NotAuthorizedException",
        "Incorrect username or password.",
        () -> Cases.login(target, pool, username, Cases.PASSWORD + "x"));
  }

  @Test
  void anUnknownUserIsNotFoundUnderLegacy(Target target) {
    CognatePool pool = target.pool(Cases.withUserExistenceErrors(PoolSpec.defaults(), "LEGACY"));
    assertCognitoError(
        "UserNotFoundException", "User does not exist.", () -> Cases.login(target, pool, Cases.username()));
  }

  @Test
  void anUnknownUserIsAnIncorrectPasswordWhenExistenceErrorsArePrevented(Target target) {
    CognatePool pool = target.pool(Cases.withUserExistenceErrors(PoolSpec.defaults(), "ENABLED"));
    assertCognitoError(
        "NotAuthorizedException",
        "Incorrect username or password.",
        () -> Cases.login(target, pool, Cases.username()));
  }

  @Test
  void userPasswordAuthIsRefusedOnAClientWithoutTheFlow(Target target) {
    CognatePool pool = target.pool(Cases.withFlows(PoolSpec.defaults(), List.of("ALLOW_REFRESH_TOKEN_AUTH")));
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    assertCognitoError(
        "InvalidParameterException",
        "USER_PASSWORD_AUTH flow not enabled for this client",
        () -> Cases.login(target, pool, username));
  }

  @Test
  void adminUserPasswordAuthIsRefusedOnAClientWithoutTheFlow(Target target) {
    CognatePool pool = target.pool(Cases.withFlows(PoolSpec.defaults(), List.of("ALLOW_REFRESH_TOKEN_AUTH")));
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    assertCognitoError(
        "InvalidParameterException",
        "Auth flow not enabled for this client",
        () -> target.cognito().adminInitiateAuth(
            b -> b.userPoolId(pool.userPoolId())
                .clientId(pool.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Cases.passwordParameters(pool, username, Cases.PASSWORD))));
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
