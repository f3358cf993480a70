package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.provision.Location;
import dev.cognate.provision.TemplateSource;
import dev.cognate.support.Http;
import dev.cognate.support.TestEmulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/**
 * A reset brings back what the templates and seed files describe, with the same ids, and removes everything else; a
 * reset to empty removes the templates' pools too.
 */
class ResetToProvisionedIT {
  private static final String POOL = "us-east-1_SamPool01";

  @Test
  void resettingEverythingLeavesTheTemplatesPoolsAndSeededUsersOnly() throws Exception {
    try (Cognate cognate = TestEmulator.start(provisioned());
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Map<String, String> ids = cognate.resources();
      String other = cognito.createUserPool(r -> r.poolName("other")).userPool().id();
      addUser(cognito, "stranger");
      cognito.adminDeleteUser(r -> r.userPoolId(POOL).username("alice"));

      cognate.reset();

      assertEquals(List.of(POOL), poolIds(cognito));
      assertEquals(ids, cognate.resources());
      assertEquals(ids.get("AppClient"), cognito.listUserPoolClients(r -> r.userPoolId(POOL)).userPoolClients().get(0).clientId());
      assertNotNull(signIn(cognito, ids.get("AppClient"), "alice", "Passw0rd!alice"), "the seeded user is back");
      assertCognitoError(
          UserNotFoundException.class, "User does not exist.",
          () -> cognito.adminGetUser(r -> r.userPoolId(POOL).username("stranger")));
      assertCognitoError(
          ResourceNotFoundException.class, "User pool " + other + " does not exist.",
          () -> cognito.describeUserPool(r -> r.userPoolId(other)));
    }
  }

  @Test
  void resettingTheTemplatesPoolBringsItBackAsItsTemplateAndSeedsHaveIt() throws Exception {
    try (Cognate cognate = TestEmulator.start(provisioned());
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String other = cognito.createUserPool(r -> r.poolName("other")).userPool().id();
      addUser(cognito, "stranger");

      assertTrue(cognate.reset(POOL));

      assertEquals(List.of(POOL, other).stream().sorted().toList(), poolIds(cognito).stream().sorted().toList());
      assertEquals(
          List.of("alice", "bob", "carol"),
          cognito.listUsers(r -> r.userPoolId(POOL)).users().stream().map(u -> u.username()).sorted().toList());
    }
  }

  @Test
  void resettingToEmptyRemovesTheTemplatesPoolsToo() throws Exception {
    try (Cognate cognate = TestEmulator.start(provisioned());
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      cognate.resetToEmpty();
      assertEquals(List.of(), poolIds(cognito));

      cognate.reset();
      assertEquals(List.of(POOL), poolIds(cognito));

      assertTrue(cognate.resetToEmpty(POOL));
      assertEquals(List.of(), poolIds(cognito));
    }
  }

  @Test
  void theRouteResetsToTheTemplatesOrWithEmptyTrueToNothing() throws Exception {
    try (Cognate cognate = TestEmulator.start(provisioned());
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      cognito.createUserPool(r -> r.poolName("other"));

      assertEquals(200, postReset(cognate.endpoint(), "").statusCode());
      assertEquals(List.of(POOL), poolIds(cognito));

      assertEquals(200, postReset(cognate.endpoint(), "?userPoolId=" + POOL + "&empty=true").statusCode());
      assertEquals(List.of(), poolIds(cognito));

      assertEquals(200, postReset(cognate.endpoint(), "?empty=false").statusCode());
      assertEquals(List.of(POOL), poolIds(cognito));
    }
  }

  private static CognateConfig.Builder provisioned() {
    return CognateConfig.forTests()
        .template(new TemplateSource(Location.classpath("templates/sam-app.yaml"), Optional.empty()))
        .seed(Location.classpath("templates/users.yaml"));
  }

  private static void addUser(CognitoIdentityProviderClient cognito, String username) {
    cognito.adminCreateUser(r -> r.userPoolId(POOL).username(username).messageAction("SUPPRESS"));
  }

  private static List<String> poolIds(CognitoIdentityProviderClient cognito) {
    return cognito.listUserPools(r -> r.maxResults(60)).userPools().stream().map(UserPoolDescriptionType::id).toList();
  }

  private static String signIn(CognitoIdentityProviderClient cognito, String clientId, String username, String password) {
    return cognito
        .initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", username, "PASSWORD", password)))
        .authenticationResult()
        .accessToken();
  }

  private static HttpResponse<String> postReset(URI endpoint, String query) throws Exception {
    return Http.send(
        HttpRequest.newBuilder(endpoint.resolve("/_cognate/reset" + query))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }
}
