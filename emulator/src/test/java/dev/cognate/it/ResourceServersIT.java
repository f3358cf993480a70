package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cognate.support.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListResourceServersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ScopeDoesNotExistException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** CreateResourceServer, DescribeResourceServer, ListResourceServers, UpdateResourceServer, DeleteResourceServer. */
class ResourceServersIT {
  private static final String MISSING_POOL = "us-east-1_AAAAAAAAA";
  private static final String API = "https://api.example.com";

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  private String poolId;

  @BeforeEach
  void createPool() {
    poolId = cognito.createUserPool(r -> r.poolName("servers")).userPool().id();
  }

  @Test
  void createdServerIsDescribedWithItsScopes() {
    ResourceServerType created =
        cognito
            .createResourceServer(
                r -> r.userPoolId(poolId).identifier(API).name("Orders API").scopes(scope("read"), scope("write")))
            .resourceServer();
    assertEquals(poolId, created.userPoolId());
    assertEquals(API, created.identifier());
    assertEquals("Orders API", created.name());
    assertEquals(List.of(scope("read"), scope("write")), created.scopes());

    assertEquals(created, describe(API));
  }

  @Test
  void aServerWithoutScopesHasAnEmptyList() {
    cognito.createResourceServer(r -> r.userPoolId(poolId).identifier("bare").name("Bare"));
    assertEquals(List.of(), describe("bare").scopes());
  }

  @Test
  void anIdentifierIsUniqueWithinAPool() {
    cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(API).name("first"));
    assertInvalidParameter(
        "A resource server with identifier " + API + " already exists in this user pool.",
        () -> cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(API).name("second")));
    assertEquals("first", describe(API).name());

    String other = cognito.createUserPool(r -> r.poolName("other")).userPool().id();
    cognito.createResourceServer(r -> r.userPoolId(other).identifier(API).name("elsewhere"));
  }

  @Test
  void createRefusals() {
    assertInvalidParameter(
        "Duplicate scope name read in the resource server.",
        () -> cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(API).name("x").scopes(scope("read"), scope("read"))));
    assertInvalidParameter(
        "1 validation error detected: Value 'a/b' at 'scopes.1.member.scopeName' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: [\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+",
        () -> cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(API).name("x").scopes(scope("a/b"))));
    assertInvalidParameter(
        "1 validation error detected: Value null at 'scopes.1.member.scopeDescription' failed to satisfy constraint:"
            + " Member must not be null",
        () ->
            cognito.createResourceServer(
                r -> r.userPoolId(poolId).identifier(API).name("x").scopes(s -> s.scopeName("read"))));
    assertInvalidParameter(
        "1 validation error detected: Value 'has space' at 'identifier' failed to satisfy constraint: Member must"
            + " satisfy regular expression pattern: [\\x21\\x23-\\x5B\\x5D-\\x7E]+",
        () -> cognito.createResourceServer(r -> r.userPoolId(poolId).identifier("has space").name("x")));
    assertInvalidParameter(
        "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
        () -> cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(API)));
    List<ResourceServerScopeType> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(scope("s" + i));
    }
    assertInvalidParameter(
        "1 validation error detected: Value at 'scopes' failed to satisfy constraint: Member must have length less"
            + " than or equal to 100",
        () -> cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(API).name("x").scopes(tooMany)));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.createResourceServer(r -> r.userPoolId(MISSING_POOL).identifier(API).name("x")));
  }

  @Test
  void updateReplacesNameAndAllScopes() {
    cognito.createResourceServer(
        r -> r.userPoolId(poolId).identifier(API).name("old").scopes(scope("read"), scope("write")));
    ResourceServerType updated =
        cognito
            .updateResourceServer(r -> r.userPoolId(poolId).identifier(API).name("new").scopes(scope("admin")))
            .resourceServer();
    assertEquals("new", updated.name());
    assertEquals(List.of(scope("admin")), updated.scopes());
    assertEquals(updated, describe(API));

    cognito.updateResourceServer(r -> r.userPoolId(poolId).identifier(API).name("new"));
    assertEquals(List.of(), describe(API).scopes(), "scopes left out are removed");
  }

  @Test
  void unknownServerIsNotFound() {
    String message = "Resource server " + API + " does not exist.";
    assertCognitoError(ResourceNotFoundException.class, message, () -> describe(API));
    assertCognitoError(
        ResourceNotFoundException.class,
        message,
        () -> cognito.updateResourceServer(r -> r.userPoolId(poolId).identifier(API).name("x")));
    assertCognitoError(
        ResourceNotFoundException.class,
        message,
        () -> cognito.deleteResourceServer(r -> r.userPoolId(poolId).identifier(API)));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.describeResourceServer(r -> r.userPoolId(MISSING_POOL).identifier(API)));
  }

  @Test
  void deleteRemovesTheServer() {
    cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(API).name("x"));
    cognito.deleteResourceServer(r -> r.userPoolId(poolId).identifier(API));
    assertCognitoError(
        ResourceNotFoundException.class, "Resource server " + API + " does not exist.", () -> describe(API));
    cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(API).name("again"));
  }

  @Test
  void listPagesInCreationOrder() {
    for (int i = 0; i < 5; i++) {
      String id = "api-" + i;
      cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(id).name(id).scopes(scope("read")));
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListResourceServersResponse page =
          cognito.listResourceServers(r -> r.userPoolId(poolId).maxResults(2).nextToken(next));
      page.resourceServers().forEach(s -> seen.add(s.identifier()));
      page.resourceServers().forEach(s -> assertEquals(List.of(scope("read")), s.scopes()));
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertEquals(List.of("api-0", "api-1", "api-2", "api-3", "api-4"), seen);
    assertEquals(3, pages);

    ListResourceServersResponse all = cognito.listResourceServers(r -> r.userPoolId(poolId));
    assertEquals(5, all.resourceServers().size());
    assertNull(all.nextToken());
  }

  @Test
  void listRefusals() {
    assertInvalidParameter(
        "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have"
            + " value less than or equal to 50",
        () -> cognito.listResourceServers(r -> r.userPoolId(poolId).maxResults(51)));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.listResourceServers(r -> r.userPoolId(MISSING_POOL)));
    assertNotNull(cognito.listResourceServers(r -> r.userPoolId(poolId)).resourceServers());
  }

  @Test
  void deletingThePoolTakesItsServers() {
    cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(API).name("x"));
    cognito.deleteUserPool(r -> r.userPoolId(poolId));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + poolId + " does not exist.",
        () -> describe(API));
  }

  @Test
  void aClientMayBeAllowedStandardScopesAndThoseOfItsPoolsServers() {
    cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(API).name("x").scopes(scope("read")));
    List<String> scopes = List.of("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin", API + "/read");
    UserPoolClientType client =
        cognito
            .createUserPoolClient(r -> r.userPoolId(poolId).clientName("web").allowedOAuthScopes(scopes))
            .userPoolClient();
    assertEquals(scopes, client.allowedOAuthScopes());
  }

  @Test
  void aClientCannotBeAllowedAScopeNoServerDefines() {
    cognito.createResourceServer(r -> r.userPoolId(poolId).identifier(API).name("x").scopes(scope("read")));
    String other = cognito.createUserPool(r -> r.poolName("other")).userPool().id();
    cognito.createResourceServer(r -> r.userPoolId(other).identifier("elsewhere").name("x").scopes(scope("read")));
    for (String scope : List.of(API + "/write", "unknown/read", "elsewhere/read", "Cognito", API + "/", "/read")) {
      assertCognitoError(
          ScopeDoesNotExistException.class,
          "Invalid scope requested: " + scope,
          () -> cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web").allowedOAuthScopes(scope)));
    }
    assertEquals(0, cognito.listUserPoolClients(r -> r.userPoolId(poolId)).userPoolClients().size());
  }

  private ResourceServerType describe(String identifier) {
    return cognito
        .describeResourceServer(r -> r.userPoolId(poolId).identifier(identifier))
        .resourceServer();
  }

  private static ResourceServerScopeType scope(String name) {
    return ResourceServerScopeType.builder().scopeName(name).scopeDescription(name + " access").build();
  }
}
