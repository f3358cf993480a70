package dev.cognate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.app.local.LocalServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Requests no function gets, written byte by byte on a raw socket: whatever the HTTP layer refuses (a bad path, an
 * oversized line or header, a lying Content-Length, an unknown charset, HEAD, a preflight for a route the API lacks)
 * is answered as API Gateway answers, JSON with the CORS headers; never a Jetty HTML page or Javalin's text 500. None
 * of these requests reaches Cognito, so the app here points at an endpoint nothing listens on.
 */
class GatewayEdgesIT {
  private static final String MISSING_TOKEN = "{\"message\":\"Missing Authentication Token\"}";
  private static final String TOO_LONG = "{\"message\":\"Request Too Long\"}";
  private static final String INVALID_BODY = "{\"message\":\"Invalid request body\"}";
  private static final int LIMIT = 10 * 1024 * 1024;

  private static CognitoIdentityProviderClient cognito;
  private static LocalServer server;

  @BeforeAll
  static void start() {
    cognito = CognitoSettings.localClient(URI.create("http://127.0.0.1:9"), "us-east-1");
    String issuer = "http://127.0.0.1:9/us-east-1_none";
    UserApi api = new UserApi(new UserAuthService(cognito, "us-east-1_none", "none"));
    PoolKeys keys = new PoolKeys(URI.create(issuer + "/.well-known/jwks.json"), Clock.systemUTC());
    server = LocalServer.start(api, new IdTokenAuthorizer(issuer, "none", keys, Clock.systemUTC()), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    cognito.close();
  }

  @Test
  void requestsTheHttpLayerRefusesAreAnsweredInJsonWithCors() throws Exception {
    Map<String, String> requests = new LinkedHashMap<>();
    requests.put("a NUL in the path", "POST /user/signup%00 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
    requests.put("a 20 000 character URL", "GET /user/hello?" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.put(
        "a 20 000 character header", "GET /user/hello HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
    requests.put("a negative Content-Length", "POST /user/signup HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}");
    requests.put(
        "two Content-Lengths",
        "POST /user/signup HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{} ");
    requests.put("an unknown HTTP version", "POST /user/signup HTTP/9.9\r\nHost: x\r\n\r\n");
    requests.put("no Host", "GET /user/hello HTTP/1.1\r\n\r\n");
    requests.put("a header line without a colon", "GET /user/hello HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
    for (Map.Entry<String, String> request : requests.entrySet()) {
      Answer answer = send(request.getValue(), true);
      System.out.println("GatewayEdgesIT: " + request.getKey() + ": " + answer.status() + " " + answer.body());
      assertTrue(answer.status() >= 400 && answer.status() < 600, request.getKey() + ": " + answer.status());
      assertJsonWithCors(answer, request.getKey());
      assertTrue(answer.body().startsWith("{\"message\":\""), request.getKey() + ": " + answer.body());
    }
  }

  @Test
  void optionsOnTheServerItselfIsMissingAuthenticationToken() throws Exception {
    Answer answer = send("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", true);
    assertEquals(403, answer.status());
    assertEquals(MISSING_TOKEN, answer.body());
    assertJsonWithCors(answer, "OPTIONS *");
  }

  @Test
  void aContentLengthOverTheLimitIs413AtOnceWithoutWaitingForTheBody() throws Exception {
    // The body never comes and the socket stays open: API Gateway refuses on the announced length alone.
    Answer answer =
        send("POST /user/signup HTTP/1.1\r\nHost: x\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n{}", false);
    assertEquals(413, answer.status());
    assertEquals(TOO_LONG, answer.body());
    assertJsonWithCors(answer, "Content-Length over the limit");
  }

  @Test
  void aBodyShorterThanItsContentLengthIs400NotA500() throws Exception {
    Answer answer = send("POST /user/signup HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{}", true);
    assertEquals(400, answer.status(), answer.body());
    assertEquals("{\"message\":\"Bad Request\"}", answer.body());
    assertJsonWithCors(answer, "short body");
  }

  @Test
  void aBodyThatStallsPastTheIdleTimeoutIs408InJsonWithCors() throws Exception {
    // The socket stays open with 98 of 100 announced bytes unsent: Jetty's 30 s idle timeout ends the wait.
    long start = System.nanoTime();
    Answer answer = send("POST /user/signup HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{}", false, 45_000);
    System.out.println(
        "GatewayEdgesIT: a stalled body was answered " + answer.status() + " after "
            + (System.nanoTime() - start) / 1_000_000 + " ms");
    assertEquals(408, answer.status(), answer.body());
    assertEquals("{\"message\":\"Request Timeout\"}", answer.body());
    assertJsonWithCors(answer, "stalled body");
  }

  @Test
  void anUnknownCharsetIsReadAsUtf8AsApiGatewayPassesTheBody() throws Exception {
    Answer answer =
        send(
            "POST /user/signup HTTP/1.1\r\nHost: x\r\nContent-Type: application/json; charset=bogus\r\n"
                + "Content-Length: 2\r\n\r\n{}",
            true);
    assertEquals(400, answer.status(), answer.body());
    assertEquals(INVALID_BODY, answer.body());
    assertJsonWithCors(answer, "charset=bogus");
  }

  @Test
  void headIsAMethodTheApiLacksAndNeverRunsTheAuthorizerOrAFunction() throws Exception {
    for (String path : new String[] {"/user/hello", "/user/signup", "/nowhere"}) {
      Answer answer = send("HEAD " + path + " HTTP/1.1\r\nHost: x\r\n\r\n", true);
      assertEquals(403, answer.status(), "HEAD " + path);
      assertEquals("", answer.body(), "HEAD " + path + " has no body");
      assertEquals("application/json", answer.header("content-type"), "HEAD " + path);
      assertEquals("*", answer.header("access-control-allow-origin"), "HEAD " + path);
    }
  }

  @Test
  void aPreflightForARouteTheApiLacksIsMissingAuthenticationToken() throws Exception {
    for (String path : new String[] {"/user/unknown", "/user/signup/extra", "/user"}) {
      Answer answer =
          send(
              "OPTIONS " + path + " HTTP/1.1\r\nHost: x\r\nOrigin: http://localhost:3000\r\n"
                  + "Access-Control-Request-Method: POST\r\n\r\n",
              true);
      assertEquals(403, answer.status(), "OPTIONS " + path);
      assertEquals(MISSING_TOKEN, answer.body(), "OPTIONS " + path);
      assertJsonWithCors(answer, "OPTIONS " + path);
    }
  }

  private static void assertJsonWithCors(Answer answer, String what) {
    assertEquals("application/json", answer.header("content-type"), what + ": " + answer.body());
    assertEquals("*", answer.header("access-control-allow-origin"), what);
    assertEquals("true", answer.header("access-control-allow-credentials"), what);
    assertFalse(answer.body().toLowerCase(Locale.ROOT).contains("<html"), what + ": " + answer.body());
  }

  private record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  /**
   * Writes the request as given and reads one answer. With {@code closeWriting} the client says it is done sending;
   * without, the socket stays open, so an answer can only come from what was already sent. 10 s at most unless given.
   */
  private static Answer send(String request, boolean closeWriting) throws IOException {
    return send(request, closeWriting, 10_000);
  }

  private static Answer send(String request, boolean closeWriting, int timeoutMillis) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (closeWriting) {
        socket.shutdownOutput();
      }
      return read(socket.getInputStream(), request.startsWith("HEAD "));
    }
  }

  private static Answer read(InputStream in, boolean head) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
    }
    if (head || !headers.containsKey("content-length")) {
      return new Answer(status, headers, "");
    }
    byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed mid-answer after: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
