package dev.cognate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.app.local.LocalServer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * {@code --with-emulator}: one command starts the emulator, provisions the pool and client of {@code template.yaml}
 * (the file that deploys the stack) and serves the app.
 */
class WithEmulatorIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Main.Running running;

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Test
  void theTemplateItProvisionsIsTheOneThatDeploysTheStack() throws Exception {
    assertEquals(
        Files.readString(Path.of("template.yaml")),
        new String(LocalServer.TEMPLATE.openStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void servesTheAppAgainstAFreshOriginalStack() throws Exception {
    running = Main.start(new Main.Options("127.0.0.1", 0, true, 0));
    assertTrue(running.server().port() > 0);
    assertTrue(running.emulator().port() > 0);

    List<UserPoolDescriptionType> pools = running.cognito().listUserPools(b -> b.maxResults(60)).userPools();
    assertEquals(1, pools.size());
    assertEquals("Serverless-Chat", pools.get(0).name());
    String poolId = pools.get(0).id();
    assertEquals(running.emulator().resource("UserPool"), poolId, "the pool is template.yaml's, with its stable id");

    UserPoolType pool = running.cognito().describeUserPool(b -> b.userPoolId(poolId)).userPool();
    PasswordPolicyType policy = pool.policies().passwordPolicy();
    assertEquals(6, policy.minimumLength());
    assertEquals(List.of(VerifiedAttributeType.EMAIL), pool.autoVerifiedAttributes());
    assertTrue(
        pool.schemaAttributes().stream().anyMatch(a -> a.name().equals("email") && a.required() && a.mutable()),
        "email required and mutable");

    List<String> clientIds =
        running.cognito().listUserPoolClients(b -> b.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
            .map(c -> c.clientId())
            .toList();
    assertEquals(1, clientIds.size());
    UserPoolClientType client =
        running.cognito().describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientIds.get(0))).userPoolClient();
    assertEquals("user-pool-ui", client.clientName());
    assertNull(client.clientSecret());
    assertEquals(5, client.idTokenValidity());
    assertEquals(5, client.accessTokenValidity());
    assertTrue(
        client.explicitAuthFlows().containsAll(
            List.of(ExplicitAuthFlowsType.ADMIN_NO_SRP_AUTH, ExplicitAuthFlowsType.USER_PASSWORD_AUTH)),
        client.explicitAuthFlowsAsStrings().toString());

    HttpResponse<String> signup =
        post("/user/signup", "{\"username\":\"dana\",\"password\":\"Passw0rd!\",\"email\":\"dana@example.com\"}");
    assertEquals(201, signup.statusCode());
    assertEquals("{\"message\":\"User registered successfully...\"}", signup.body());

    String code = running.emulator().outbox().lastCode(poolId, "dana").orElseThrow();
    assertEquals(
        200, post("/user/verification", "{\"username\":\"dana\",\"code\":\"" + code + "\"}").statusCode());
    HttpResponse<String> login = post("/user/login", "{\"username\":\"dana\",\"password\":\"Passw0rd!\"}");
    assertEquals(200, login.statusCode());
    String token = (String) JSON.readValue(login.body(), Map.class).get("token");

    // The issuer Main derives matches the tokens' iss, so the private route works out of the box.
    HttpResponse<String> hello =
        HTTP.send(
            HttpRequest.newBuilder(url("/user/hello")).header("Authorization", "Bearer " + token).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, hello.statusCode());
    assertEquals("{\"message\":\"Email dana@example.com has been authorized\"}", hello.body());
  }

  @Test
  void closingStopsTheAppAndTheEmulator() throws Exception {
    running = Main.start(new Main.Options("127.0.0.1", 0, true, 0));
    URI app = url("/user/hello");
    URI emulator = URI.create(running.emulator().endpoint() + "/_cognate/health");
    assertEquals(200, HTTP.send(HttpRequest.newBuilder(emulator).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    running.close();
    running = null;
    assertFalse(reachable(app), "the app stopped");
    assertFalse(reachable(emulator), "the emulator stopped");
  }

  private static boolean reachable(URI uri) throws Exception {
    try {
      HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      fresh.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + running.server().port() + path);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
