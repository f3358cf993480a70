package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.support.CapturedLog;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.support.RawHttp;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests that are broken at the HTTP level are the client's fault: a 4xx in AWS's JSON envelope where an answer
 * can still be written, one log line and never a stack trace, and the emulator keeps serving.
 */
class MalformedHttpIT {
  private static final String AMZ_JSON = "application/x-amz-json-1.1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(|^Caused by:|Exception: ");

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start();
  private final Cognate cognate = emulator.cognate();
  private final URI endpoint = cognate.endpoint();

  @Test
  void aChunkSizeThatIsNotHexIs400AndOneLogLine() throws Exception {
    List<String> log;
    RawHttp.Response response;
    try (CapturedLog captured = CapturedLog.start()) {
      response =
          RawHttp.exchange(
              endpoint,
              post("ListUserPools") + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{\"MaxResults\":1}\r\n0\r\n\r\n");
      Thread.sleep(300);
      log = captured.lines();
    }
    assertEnvelope(response, 400, "BadRequestException");
    assertOneLineNoStackTrace(log, "request body broke off");
    assertStillServing();
    System.out.println("MalformedHttpIT: chunk size 'zz' -> " + response.status() + " " + response.body() + "; log " + log);
  }

  @Test
  void aClientClosingMidBodyCostsOneLogLineAndNoStackTrace() throws Exception {
    List<String> log;
    try (CapturedLog captured = CapturedLog.start()) {
      try (Socket socket = RawHttp.connect(endpoint, 5_000)) {
        String request = post("ListUserPools") + "Content-Length: 100\r\n\r\n{\"MaxResults\":";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        Thread.sleep(300);
      }
      Thread.sleep(500);
      log = captured.lines();
    }
    assertOneLineNoStackTrace(log, "request body broke off");
    assertStillServing();
    System.out.println("MalformedHttpIT: client closed mid-body; log " + log);
  }

  @Test
  void jettysOwnBadRequestIsAnsweredInTheEnvelope() throws Exception {
    RawHttp.Response response =
        RawHttp.exchange(endpoint, "GET / HTTP/1.1\r\nHost: " + RawHttp.host(endpoint) + "\r\nNo colon here\r\n\r\n");
    assertEnvelope(response, 400, "BadRequestException");
    assertStillServing();
  }

  @Test
  void unknownRouteIs404InTheEnvelope() throws Exception {
    RawHttp.Response response =
        RawHttp.exchange(
            endpoint, "GET /no/such/route HTTP/1.1\r\nHost: " + RawHttp.host(endpoint) + "\r\nConnection: close\r\n\r\n");
    assertEnvelope(response, 404, "NotFoundException");
    assertEquals("No route for GET /no/such/route.", JSON.readTree(response.body()).get("message").asText());
  }

  @Test
  void oversizedHeadersAre431InTheEnvelope() throws Exception {
    RawHttp.Response response =
        RawHttp.exchange(
            endpoint,
            post("ListUserPools") + "X-Padding: " + "a".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n{}");
    assertEnvelope(response, 431, "RequestHeaderFieldsTooLargeException");
    assertStillServing();
  }

  @Test
  void aDeclaredBodyFarOverTheLimitIs413AtOnce() throws Exception {
    RawHttp.Response response =
        RawHttp.exchange(endpoint, post("ListUserPools") + "Content-Length: 100000000\r\n\r\n{");
    assertEnvelope(response, 413, "RequestEntityTooLargeException");
    assertStillServing();
  }

  @Test
  void aMissingTargetSaysWhatIsMissing() throws Exception {
    RawHttp.Response response =
        RawHttp.exchange(
            endpoint,
            "POST / HTTP/1.1\r\nHost: " + RawHttp.host(endpoint) + "\r\nContent-Type: " + AMZ_JSON
                + "\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
    assertEnvelope(response, 400, "UnknownOperationException");
    assertEquals(
        "Missing X-Amz-Target header: expected AWSCognitoIdentityProviderService.<Operation>.",
        JSON.readTree(response.body()).get("message").asText());
  }

  private String post(String operation) {
    return "POST / HTTP/1.1\r\nHost: " + RawHttp.host(endpoint) + "\r\nContent-Type: " + AMZ_JSON
        + "\r\nX-Amz-Target: AWSCognitoIdentityProviderService." + operation + "\r\nConnection: close\r\n";
  }

  private static void assertEnvelope(RawHttp.Response response, int status, String code) throws Exception {
    String what = response.toString();
    assertEquals(status, response.status(), what);
    assertTrue(String.valueOf(response.header("content-type")).startsWith(AMZ_JSON), what);
    assertEquals(code + ":", response.header("x-amzn-ErrorType"), what);
    JsonNode body = JSON.readTree(response.body());
    assertEquals(List.of("__type", "message"), iterate(body.fieldNames()), what);
    assertEquals(code, body.get("__type").asText(), what);
    assertFalse(response.body().contains("<html"), what);
  }

  private static List<String> iterate(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  private static void assertOneLineNoStackTrace(List<String> log, String expected) {
    List<String> matching = log.stream().filter(line -> line.contains(expected)).toList();
    assertEquals(1, matching.size(), "expected one line with '" + expected + "': " + log);
    assertTrue(log.stream().noneMatch(line -> STACK_FRAME.matcher(line).find()), "stack trace logged: " + log);
    assertTrue(log.stream().noneMatch(line -> line.contains("ERROR") || line.contains("WARN")), "logged as a failure: " + log);
  }

  private void assertStillServing() throws Exception {
    assertEquals(200, Http.get(endpoint.resolve("/_cognate/health")).statusCode());
  }
}
