package dev.cognate.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognate.app.CognitoSettings;
import dev.cognate.app.IdTokenAuthorizer;
import dev.cognate.app.PoolKeys;
import dev.cognate.app.UserApi;
import dev.cognate.app.UserAuthService;
import dev.cognate.app.local.LocalServer;
import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The app itself on each target: its own service and HTTP routes (the local server on loopback) over the target's
 * Cognito, with its authorizer checking ID tokens against the pool's JWKS under the issuer the app derives.
 */
class AppContractIT extends ContractCase {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The app's server over the app's original pool on this target. */
  private static LocalServer serve(Target target, CognatePool pool) {
    CognitoSettings settings = new CognitoSettings(pool.userPoolId(), pool.clientId());
    String issuer = settings.issuer(target.cognito());
    UserApi api = new UserApi(new UserAuthService(target.cognito(), pool.userPoolId(), pool.clientId()));
    IdTokenAuthorizer authorizer =
        new IdTokenAuthorizer(
            issuer,
            pool.clientId(),
            new PoolKeys(URI.create(issuer + "/.well-known/jwks.json"), Clock.systemUTC()),
            Clock.systemUTC());
    return LocalServer.start(api, authorizer, "127.0.0.1", 0);
  }

  @Test
  void signupVerificationLoginAndHello(Target target) throws Exception {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    String email = Cases.email(username);
    try (LocalServer server = serve(target, pool)) {
      HttpResponse<String> signup =
          post(server, "/user/signup", Map.of("username", username, "password", Cases.PASSWORD, "email", email));
      assertResponse(201, Map.of("message", "User registered successfully..."), signup);

      // On every target: a wrong code is a 400 carrying Cognito's message.
      HttpResponse<String> wrong =
          post(
              server,
              "/user/verification",
              Map.of("username", username, "code", Cases.wrongCode(target, pool, username)));
      assertResponse(
          400,
          Map.of(
              "message", "User verification failed",
              "error", "Invalid verification code provided, please try again."),
          wrong);

      if (target.can(Capability.READ_CODES)) {
        String code = target.lastCode(pool.userPoolId(), username).orElseThrow();
        HttpResponse<String> verification =
            post(server, "/user/verification", Map.of("username", username, "code", code));
        assertResponse(200, Map.of("message", "User verified successfully ..."), verification);
      } else {
        // Nobody reads the mailbox here: an administrator confirms instead.
        target.cognito().adminConfirmSignUp(b -> b.userPoolId(pool.userPoolId()).username(username));
      }

      HttpResponse<String> login = post(server, "/user/login", Map.of("username", username, "password", Cases.PASSWORD));
      assertEquals(200, login.statusCode(), login.body());
      JsonNode loginBody = Cases.JSON.readTree(login.body());
      assertEquals(List.of("message", "token"), fieldNames(loginBody));
      assertEquals("User logged in successfully ...", loginBody.get("message").asText());
      String token = loginBody.get("token").asText();
      JsonNode claims = Cases.payload(token);
      assertEquals("id", claims.get("token_use").asText(), "the login answers the ID token");
      assertEquals(Cases.expectedIssuer(target, pool.userPoolId()), claims.get("iss").asText());

      HttpResponse<String> hello = get(server, "/user/hello", token);
      assertResponse(200, Map.of("message", "Email " + email + " has been authorized"), hello);
    }
  }

  @Test
  void helloWithoutATokenIsUnauthorized(Target target) throws Exception {
    CognatePool pool = target.pool(PoolSpec.original());
    try (LocalServer server = serve(target, pool)) {
      HttpResponse<String> hello = get(server, "/user/hello", null);
      assertResponse(401, Map.of("message", "Unauthorized"), hello);
    }
  }

  private static void assertResponse(int status, Map<String, String> body, HttpResponse<String> response)
      throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        () -> "Content-Type " + response.headers().firstValue("Content-Type"));
    assertEquals(Cases.JSON.valueToTree(body), Cases.JSON.readTree(response.body()), response.body());
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static HttpResponse<String> post(LocalServer server, String path, Map<String, String> body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri(server, path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Cases.JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(LocalServer server, String path, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(server, path)).timeout(Duration.ofSeconds(10)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(LocalServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
