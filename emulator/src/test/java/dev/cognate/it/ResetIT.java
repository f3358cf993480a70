package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.RawHttp;
import dev.cognate.support.TestEmulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * Reset through the Java API and {@code POST /_cognate/reset}: everything or one pool back to empty, in the database
 * and in memory (signing keys): a reset pool's JWKS is gone and tokens issued before are refused.
 */
class ResetIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void resettingOnePoolRemovesItAndItsTokensAndLeavesTheOthers() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool reset = passwordPool(cognito);
      Pool kept = passwordPool(cognito);
      AuthenticationResultType resetTokens = signedIn(cognito, cognate, reset, "ann");
      AuthenticationResultType keptTokens = signedIn(cognito, cognate, kept, "bo");
      assertEquals(200, jwks(cognate, reset).statusCode());

      assertTrue(cognate.reset(reset.poolId()));

      assertCognitoError(
          ResourceNotFoundException.class,
          "User pool " + reset.poolId() + " does not exist.",
          () -> cognito.describeUserPool(r -> r.userPoolId(reset.poolId())));
      assertEquals(404, jwks(cognate, reset).statusCode());
      assertCognitoError(
          NotAuthorizedException.class,
          "Invalid Access Token",
          () -> cognito.getUser(r -> r.accessToken(resetTokens.accessToken())));
      assertEquals("bo", cognito.getUser(r -> r.accessToken(keptTokens.accessToken())).username());
      assertEquals(200, jwks(cognate, kept).statusCode());
      assertFalse(cognate.reset(reset.poolId()), "a second reset finds no pool");
    }
  }

  @Test
  void resettingEverythingEmptiesTheEmulatorWhichThenWorksAsNew() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool pool = passwordPool(cognito);
      AuthenticationResultType tokens = signedIn(cognito, cognate, pool, "cy");
      cognito.createGroup(r -> r.userPoolId(pool.poolId()).groupName("admins"));
      cognito.adminAddUserToGroup(r -> r.userPoolId(pool.poolId()).username("cy").groupName("admins"));

      cognate.reset();

      assertEquals(List.of(), cognito.listUserPools(r -> r.maxResults(60)).userPools());
      assertEquals(404, jwks(cognate, pool).statusCode());
      assertCognitoError(
          NotAuthorizedException.class,
          "Invalid Access Token",
          () -> cognito.getUser(r -> r.accessToken(tokens.accessToken())));
      assertTrue(cognate.outbox().codes(pool.poolId()).isEmpty());

      Pool fresh = passwordPool(cognito);
      AuthenticationResultType again = signedIn(cognito, cognate, fresh, "cy");
      assertEquals("cy", cognito.getUser(r -> r.accessToken(again.accessToken())).username());
    }
  }

  @Test
  void theResetRouteResetsOnePoolOrEverything() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool first = passwordPool(cognito);
      Pool second = passwordPool(cognito);

      HttpResponse<String> one = postReset(cognate.endpoint(), "?userPoolId=" + first.poolId());
      assertEquals(200, one.statusCode(), one.body());
      assertEquals(first.poolId(), JSON.readTree(one.body()).get("reset").asText());
      assertEquals(1, cognito.listUserPools(r -> r.maxResults(60)).userPools().size());

      HttpResponse<String> unknown = postReset(cognate.endpoint(), "?userPoolId=" + first.poolId());
      assertEquals(404, unknown.statusCode(), unknown.body());
      JsonNode error = JSON.readTree(unknown.body());
      assertEquals("NotFoundException", error.get("__type").asText());
      assertEquals("There is no user pool " + first.poolId() + ".", error.get("message").asText());

      HttpResponse<String> all = postReset(cognate.endpoint(), "");
      assertEquals(200, all.statusCode(), all.body());
      assertEquals("all", JSON.readTree(all.body()).get("reset").asText());
      assertCognitoError(
          ResourceNotFoundException.class,
          "User pool " + second.poolId() + " does not exist.",
          () -> cognito.describeUserPool(r -> r.userPoolId(second.poolId())));
    }
  }

  @Test
  void aResetFileDatabaseKeepsItsSchemaAcrossARestart(@TempDir Path dir) {
    Path data = dir.resolve("data");
    try (Cognate cognate = TestEmulator.start(CognateConfig.forTests().dataDir(data));
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      passwordPool(cognito);
      cognate.reset();
    }
    assertTrue(Files.isDirectory(data));
    try (Cognate cognate = TestEmulator.start(CognateConfig.forTests().dataDir(data));
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      assertEquals(List.of(), cognito.listUserPools(r -> r.maxResults(60)).userPools());
      Pool pool = passwordPool(cognito);
      signedIn(cognito, cognate, pool, "dee");
    }
  }

  @Test
  void stateRoutesAreOffWithTheDevApiAndRefuseForeignHosts() throws Exception {
    try (Cognate off = TestEmulator.start(CognateConfig.forTests().devApi(false))) {
      for (String request : List.of("POST /_cognate/reset", "POST /_cognate/clock", "GET /_cognate/clock",
          "GET /_cognate/state", "PUT /_cognate/state")) {
        RawHttp.Response response = exchange(off.endpoint(), request, RawHttp.host(off.endpoint()));
        assertEquals(404, response.status(), request + " -> " + response);
        assertTrue(response.body().contains("is turned off (--no-dev-api)"), response.body());
      }
    }
    try (Cognate on = TestEmulator.start()) {
      for (String request : List.of("POST /_cognate/reset", "POST /_cognate/clock", "GET /_cognate/state",
          "PUT /_cognate/state")) {
        RawHttp.Response response = exchange(on.endpoint(), request, "evil.example");
        assertEquals(403, response.status(), request + " -> " + response);
      }
    }
  }

  private static RawHttp.Response exchange(URI endpoint, String request, String host) throws Exception {
    return RawHttp.exchange(
        endpoint,
        request + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + "Content-Length: 2\r\n\r\n{}");
  }

  private static Pool passwordPool(CognitoIdentityProviderClient cognito) {
    return Pools.appPool(
        cognito,
        c -> c.explicitAuthFlows(
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  private static AuthenticationResultType signedIn(
      CognitoIdentityProviderClient cognito, Cognate cognate, Pool pool, String username) {
    signUpConfirmed(cognito, cognate, pool, username, "secret1", attr("email", username + "@example.com"));
    return signIn(cognito, pool.clientId(), username, "secret1");
  }

  private static HttpResponse<String> jwks(Cognate cognate, Pool pool) throws Exception {
    return Http.get(cognate.endpoint().resolve("/" + pool.poolId() + "/.well-known/jwks.json"));
  }

  private static HttpResponse<String> postReset(URI endpoint, String query) throws Exception {
    return Http.send(
        HttpRequest.newBuilder(endpoint.resolve("/_cognate/reset" + query))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }
}
