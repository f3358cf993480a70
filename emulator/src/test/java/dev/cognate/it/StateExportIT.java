package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.secretHash;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.TestEmulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * Export and import of the whole state, through the Java API and {@code /_cognate/state}: what an emulator holds
 * comes back the same after an export, a reset and an import, or in another emulator; signing keys only when asked
 * for; a document that is not an export is refused and changes nothing.
 */
class StateExportIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "secret1";

  /** A pool with two clients, users of every kind, a group, a domain, a resource server and an identity provider. */
  private record Fixture(Pool pool, String serverClientId, String serverSecret, AuthenticationResultType annTokens) {}

  private static Fixture populate(CognitoIdentityProviderClient cognito, Cognate cognate) {
    Pool pool =
        Pools.appPool(
            cognito,
            c -> c.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
    var server =
        cognito
            .createUserPoolClient(
                r -> r.userPoolId(pool.poolId())
                    .clientName("server")
                    .generateSecret(true)
                    .explicitAuthFlows(
                        ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
            .userPoolClient();
    cognito.setUserPoolMfaConfig(
        r -> r.userPoolId(pool.poolId())
            .mfaConfiguration(UserPoolMfaType.OPTIONAL)
            .softwareTokenMfaConfiguration(t -> t.enabled(true)));
    signUpConfirmed(cognito, cognate, pool, "ann", PASSWORD, attr("email", "ann@example.com"), attr("name", "Ann"));
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId())
            .username("bo")
            .temporaryPassword("Temp-Pass1")
            .messageAction(MessageActionType.SUPPRESS)
            .userAttributes(attr("email", "bo@example.com")));
    signUpConfirmed(cognito, cognate, pool, "cy", PASSWORD, attr("email", "cy@example.com"));
    String cyToken = signIn(cognito, pool.clientId(), "cy", PASSWORD).accessToken();
    cognito.associateSoftwareToken(r -> r.accessToken(cyToken));
    cognito.verifySoftwareToken(r -> r.accessToken(cyToken).userCode(cognate.totp(pool.poolId(), "cy")));
    cognito.setUserMFAPreference(
        r -> r.accessToken(cyToken).softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
    cognito.createGroup(
        r -> r.userPoolId(pool.poolId()).groupName("admins").description("Admins").precedence(1));
    cognito.createGroup(r -> r.userPoolId(pool.poolId()).groupName("readers"));
    for (String name : List.of("ann", "bo")) {
      cognito.adminAddUserToGroup(r -> r.userPoolId(pool.poolId()).username(name).groupName("admins"));
    }
    cognito.adminAddUserToGroup(r -> r.userPoolId(pool.poolId()).username("cy").groupName("readers"));
    String domain = "export-" + pool.poolId().substring(10).toLowerCase(Locale.ROOT);
    cognito.createUserPoolDomain(r -> r.userPoolId(pool.poolId()).domain(domain));
    cognito.createResourceServer(
        r -> r.userPoolId(pool.poolId())
            .identifier("https://api.example.com")
            .name("API")
            .scopes(s -> s.scopeName("read").scopeDescription("Read")));
    cognito.createIdentityProvider(
        r -> r.userPoolId(pool.poolId())
            .providerName("Corp")
            .providerType(IdentityProviderTypeType.OIDC)
            .providerDetails(
                Map.of(
                    "client_id", "abc",
                    "client_secret", "shh",
                    "oidc_issuer", "https://issuer.example.com",
                    "authorize_scopes", "openid email",
                    "attributes_request_method", "GET"))
            .attributeMapping(Map.of("email", "email"))
            .idpIdentifiers("corp.example.com"));
    AuthenticationResultType annTokens = signIn(cognito, pool.clientId(), "ann", PASSWORD);
    return new Fixture(pool, server.clientId(), server.clientSecret(), annTokens);
  }

  /**
   * Everything the SDK can read back about the fixture, for comparing before and after: as text, since responses
   * carry their own request's metadata (sensitive members print redacted; the client secret is checked by use).
   */
  private static List<String> described(CognitoIdentityProviderClient cognito, Fixture f) {
    return describedObjects(cognito, f).stream().map(String::valueOf).toList();
  }

  private static List<Object> describedObjects(CognitoIdentityProviderClient cognito, Fixture f) {
    String poolId = f.pool().poolId();
    List<Object> all = new ArrayList<>();
    all.add(cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool());
    all.add(cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(f.pool().clientId())).userPoolClient());
    all.add(cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(f.serverClientId())).userPoolClient());
    all.add(cognito.getUserPoolMfaConfig(r -> r.userPoolId(poolId)).toBuilder().build());
    for (String name : List.of("ann", "bo", "cy")) {
      all.add(cognito.adminGetUser(r -> r.userPoolId(poolId).username(name)).toBuilder().build());
      all.add(cognito.adminListGroupsForUser(r -> r.userPoolId(poolId).username(name)).groups());
    }
    all.add(cognito.listUsers(r -> r.userPoolId(poolId)).users());
    all.add(cognito.listGroups(r -> r.userPoolId(poolId)).groups());
    for (String group : List.of("admins", "readers")) {
      all.add(cognito.listUsersInGroup(r -> r.userPoolId(poolId).groupName(group)).users());
    }
    String domain = cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().domain();
    all.add(cognito.describeUserPoolDomain(r -> r.domain(domain)).domainDescription());
    all.add(
        cognito
            .describeResourceServer(r -> r.userPoolId(poolId).identifier("https://api.example.com"))
            .resourceServer());
    all.add(cognito.describeIdentityProvider(r -> r.userPoolId(poolId).providerName("Corp")).identityProvider());
    return all;
  }

  @Test
  void exportResetImportGivesBackTheSameState() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Fixture f = populate(cognito, cognate);
      List<String> before = described(cognito, f);
      String exported = cognate.exportState();
      JsonNode document = JSON.readTree(exported);
      assertEquals("cognate-state", document.get("format").asText());
      assertEquals(1, document.get("version").asInt());
      assertFalse(document.get("tables").has("signing_keys"), "keys only on request");

      cognate.reset();
      assertEquals(0, cognito.listUserPools(r -> r.maxResults(60)).userPools().size());
      cognate.importState(exported);

      assertEquals(before, described(cognito, f));
      // Passwords, the client secret and the authenticator secret came along.
      assertEquals("ann", cognito.getUser(r -> r.accessToken(signIn(cognito, f.pool().clientId(), "ann", PASSWORD)
          .accessToken())).username());
      var serverSignIn =
          cognito.adminInitiateAuth(
              r -> r.userPoolId(f.pool().poolId())
                  .clientId(f.serverClientId())
                  .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                  .authParameters(
                      Map.of(
                          "USERNAME", "ann",
                          "PASSWORD", PASSWORD,
                          "SECRET_HASH", secretHash(f.serverSecret(), "ann", f.serverClientId()))));
      assertNotNull(serverSignIn.authenticationResult());
      var cyChallenge =
          cognito.initiateAuth(
              r -> r.clientId(f.pool().clientId())
                  .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                  .authParameters(Map.of("USERNAME", "cy", "PASSWORD", PASSWORD)));
      assertEquals("SOFTWARE_TOKEN_MFA", cyChallenge.challengeNameAsString());
      var cyTokens =
          cognito.respondToAuthChallenge(
              r -> r.clientId(f.pool().clientId())
                  .challengeName("SOFTWARE_TOKEN_MFA")
                  .session(cyChallenge.session())
                  .challengeResponses(
                      Map.of("USERNAME", "cy", "SOFTWARE_TOKEN_MFA_CODE", cognate.totp(f.pool().poolId(), "cy"))));
      assertNotNull(cyTokens.authenticationResult());
      // Without keys in the export the pool made new ones: tokens from before are refused, new ones verify.
      assertCognitoError(
          NotAuthorizedException.class,
          "Invalid Access Token",
          () -> cognito.getUser(r -> r.accessToken(f.annTokens().accessToken())));
      System.out.println(
          "StateExportIT: " + exported.length() + " characters of state exported, reset, imported; "
              + before.size() + " descriptions equal");
    }
  }

  @Test
  void withKeysATokenIssuedBeforeTheExportVerifiesInAnotherEmulator() throws Exception {
    String exported;
    Fixture f;
    try (Cognate original = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(original)) {
      f = populate(cognito, original);
      exported = original.exportState(true);
    }
    assertEquals(2, JSON.readTree(exported).get("tables").get("signing_keys").size());
    try (Cognate copy = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(copy)) {
      copy.importState(exported);
      SignedJWT token = SignedJWT.parse(f.annTokens().accessToken());
      HttpResponse<String> jwks =
          Http.get(copy.endpoint().resolve("/" + f.pool().poolId() + "/.well-known/jwks.json"));
      assertEquals(200, jwks.statusCode());
      RSAKey key = (RSAKey) JWKSet.parse(jwks.body()).getKeyByKeyId(token.getHeader().getKeyID());
      assertNotNull(key, "the token's kid is in the imported pool's JWKS");
      assertTrue(token.verify(new RSASSAVerifier(key)));
      assertEquals("ann", cognito.getUser(r -> r.accessToken(f.annTokens().accessToken())).username());
      AuthenticationResultType refreshed =
          cognito
              .initiateAuth(
                  r -> r.clientId(f.pool().clientId())
                      .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                      .authParameters(Map.of("REFRESH_TOKEN", f.annTokens().refreshToken())))
              .authenticationResult();
      assertNotNull(refreshed.accessToken());
    }
  }

  @Test
  void theStateRoutesExportAndImport() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Fixture f = populate(cognito, cognate);
      List<String> before = described(cognito, f);
      HttpResponse<String> exported = Http.get(cognate.endpoint().resolve("/_cognate/state?keys=true"));
      assertEquals(200, exported.statusCode());
      assertTrue(JSON.readTree(exported.body()).get("keys").asBoolean());
      cognate.reset();

      HttpResponse<String> imported = send(cognate.endpoint(), "PUT", exported.body());
      assertEquals(200, imported.statusCode(), imported.body());
      assertEquals(before, described(cognito, f));
      assertEquals("ann", cognito.getUser(r -> r.accessToken(f.annTokens().accessToken())).username());
    }
  }

  @Test
  void aDocumentThatIsNotAnExportIsRefusedAndChangesNothing() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Fixture f = populate(cognito, cognate);
      List<String> before = described(cognito, f);
      ObjectNode good = (ObjectNode) JSON.readTree(cognate.exportState());

      ObjectNode unknownTable = good.deepCopy();
      ((ObjectNode) unknownTable.get("tables")).putArray("nonsense");
      ObjectNode unknownColumn = good.deepCopy();
      ((ObjectNode) unknownColumn.get("tables").get("users").get(0)).put("shoe_size", 9);
      ObjectNode orphan = good.deepCopy();
      ((ObjectNode) orphan.get("tables")).putArray("user_pools");
      ObjectNode duplicate = good.deepCopy();
      ArrayNode users = (ArrayNode) duplicate.get("tables").get("users");
      ObjectNode copied = users.get(0).deepCopy();
      copied.put("seq", 9999);
      users.add(copied);
      ObjectNode newer = good.deepCopy();
      newer.put("schemaVersion", 9999);
      ObjectNode notBase64 = good.deepCopy();
      ((ObjectNode) notBase64.get("tables")).putArray("signing_keys").addObject()
          .put("pool_id", f.pool().poolId()).put("purpose", "id").put("kid", "k")
          .put("private_key", "***").put("public_key", "***");

      Map<String, String> cases = new LinkedHashMap<>();
      cases.put("not json", "the state is not JSON");
      cases.put("[]", "the state must be a JSON object");
      cases.put("{\"format\": \"other\"}", "the state must have \"format\": \"cognate-state\"");
      cases.put("{\"format\": \"cognate-state\", \"version\": 2}", "the state must have \"version\": 1");
      cases.put(unknownTable.toString(), "unknown table nonsense");
      cases.put(unknownColumn.toString(), "unknown column shoe_size in table users");
      cases.put(orphan.toString(), "row 1 of table users does not fit");
      cases.put(duplicate.toString(), "row 4 of table users does not fit");
      cases.put(newer.toString(), "the state was exported with schema version 9999, newer than this Cognate's");
      cases.put(notBase64.toString(), "row 1 of table signing_keys: private_key is not base64");
      for (Map.Entry<String, String> c : cases.entrySet()) {
        IllegalArgumentException refused =
            assertThrows(IllegalArgumentException.class, () -> cognate.importState(c.getKey()));
        assertTrue(refused.getMessage().startsWith(c.getValue()), c.getValue() + " <- " + refused.getMessage());
        HttpResponse<String> response = send(cognate.endpoint(), "POST", c.getKey());
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("BadRequestException", error.get("__type").asText());
        assertTrue(
            error.get("message")
                .asText()
                .startsWith("The state was not imported, and nothing changed: " + c.getValue()),
            error.get("message").asText());
      }
      assertEquals(before, described(cognito, f));
      assertEquals("ann", cognito.getUser(r -> r.accessToken(f.annTokens().accessToken())).username());
      System.out.println("StateExportIT: " + cases.size() + " malformed imports refused with 400, state untouched");
    }
  }

  @Test
  void aPutImportMayBeLargerThanOtherRequests() throws Exception {
    try (Cognate cognate = TestEmulator.start()) {
      // Past the 1 MB that limits other bodies: refused for what it says, not for its size.
      String large = "{\"format\": \"cognate-state\", \"padding\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
      HttpResponse<String> put = send(cognate.endpoint(), "PUT", large);
      assertEquals(400, put.statusCode());
      assertEquals(
          "The state was not imported, and nothing changed: the state must have \"version\": 1.",
          JSON.readTree(put.body()).get("message").asText());
    }
  }

  @Test
  void aPostImportOverTheLimitIsRefusedForItsSizeAsOtherRequestsAre() throws Exception {
    try (Cognate cognate = TestEmulator.start()) {
      String large = "{\"format\": \"cognate-state\", \"padding\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
      HttpResponse<String> post = send(cognate.endpoint(), "POST", large);
      assertEquals(413, post.statusCode(), post.body());
      assertEquals("RequestEntityTooLargeException", JSON.readTree(post.body()).get("__type").asText());
      assertEquals(
          "Request body exceeds the limit of 1048576 bytes.", JSON.readTree(post.body()).get("message").asText());
    }
  }

  private static HttpResponse<String> send(URI endpoint, String method, String body) throws Exception {
    return Http.send(
        HttpRequest.newBuilder(endpoint.resolve("/_cognate/state"))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
