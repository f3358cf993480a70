package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cognate.CognateConfig;
import dev.cognate.TriggerKind;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Users;
import dev.cognate.trigger.HttpTrigger;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Triggers behind URLs, as the standalone jar calls them (--trigger NAME=URL): the event is POSTed as JSON to a
 * small loopback server standing in for the team's function, and its answer is used.
 */
class HttpTriggersIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpServer FUNCTION = function();
  private static volatile Map<String, Object> lastEvent;

  @SuppressWarnings("resource")
  private static final EmulatorExtension EMULATOR =
      EmulatorExtension.start(
          CognateConfig.forTests()
              .trigger(TriggerKind.PRE_SIGN_UP, new HttpTrigger(url("/pre-sign-up")))
              .trigger(TriggerKind.POST_CONFIRMATION, new HttpTrigger(url("/garbled"))));

  @AfterAll
  static void stop() {
    EMULATOR.close();
    FUNCTION.stop(0);
  }

  @Test
  void theAnswerOfTheUrlConfirmsOrRefuses() {
    CognitoIdentityProviderClient cognito = EMULATOR.cognito();
    Pool pool = Pools.appPool(cognito);
    assertCognitoError(
        "UserLambdaValidationException",
        "PreSignUp failed with error Sign-ups from blocked.example are closed.",
        () -> Users.signUp(cognito, pool, "bo", "bo@blocked.example"));
    assertEquals(pool.poolId(), lastEvent.get("userPoolId"));
    assertEquals("PreSignUp_SignUp", lastEvent.get("triggerSource"));
    assertEquals("bo", lastEvent.get("userName"));
    // An unconfirmed sign-up runs no Post confirmation, so the garbled endpoint is not reached.
    assertEquals(false, Users.signUp(cognito, pool, "cy", "cy@example.com").userConfirmed());
    // Confirmed by Pre sign-up, then Post confirmation answers something that is no event.
    assertCognitoError(
        "InvalidLambdaResponseException",
        "Unrecognizable lambda output",
        () -> Users.signUp(cognito, pool, "al", "al@auto.example"));
    assertEquals(
        "CONFIRMED",
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("al")).userStatusAsString());
    System.out.println("HttpTriggersIT: Pre sign-up over HTTP confirmed one user and refused one with its errorMessage");
  }

  private static HttpServer function() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/pre-sign-up", HttpTriggersIT::preSignUp);
      server.createContext("/garbled", exchange -> answer(exchange, 200, "[1, 2]"));
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void preSignUp(HttpExchange exchange) throws IOException {
    Map<String, Object> event = JSON.readValue(exchange.getRequestBody(), Map.class);
    lastEvent = event;
    Map<String, Object> request = (Map<String, Object>) event.get("request");
    String email = (String) ((Map<String, Object>) request.get("userAttributes")).get("email");
    if (email.endsWith("@blocked.example")) {
      answer(exchange, 500, "{\"errorMessage\":\"Sign-ups from blocked.example are closed\",\"errorType\":\"Error\"}");
      return;
    }
    ((Map<String, Object>) event.get("response")).put("autoConfirmUser", email.endsWith("@auto.example"));
    answer(exchange, 200, JSON.writeValueAsString(event));
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + FUNCTION.getAddress().getPort() + path);
  }
}
