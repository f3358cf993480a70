package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.RawHttp;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The clock, reset and state routes as a careless user and a hostile web page would use them: a move of the clock
 * past what dates can express is refused and leaves the clock working, and a page in the developer's browser cannot
 * reset, import or move the clock with a form post (a request a browser sends cross-site without asking first).
 */
class StateControlAttacksIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();

  private final Cognate cognate = emulator.cognate();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  void anAbsurdClockMoveIsRefusedAndTheClockKeepsWorking() throws Exception {
    List<String> moves =
        List.of(
            "{\"advanceSeconds\": 9223372036854775807}",
            "{\"advanceSeconds\": -9223372036854775808}",
            "{\"advance\": \"P999999999D\"}",
            "{\"advance\": \"PT-2562047788015215H\"}",
            "{\"set\": \"+1000000000-12-31T23:59:59Z\"}",
            "{\"set\": \"-1000000000-01-01T00:00:00Z\"}",
            "{\"set\": \"1969-12-31T23:59:59Z\"}",
            "{\"set\": \"+10000-01-01T00:00:00Z\"}");
    for (String move : moves) {
      Duration before = cognate.clock().offset();
      RawHttp.Response moved = post("/_cognate/clock", move, "application/json", null);
      assertEquals(400, moved.status(), move + " -> " + moved);
      assertEquals("BadRequestException", JSON.readTree(moved.body()).get("__type").asText(), moved.toString());
      assertEquals(
          "The clock cannot be moved before 1970-01-01T00:00:00Z or past 9999-12-31T23:59:59Z.",
          JSON.readTree(moved.body()).get("message").asText(),
          move);
      assertEquals(before, cognate.clock().offset(), move + " left the clock where it was");
      RawHttp.Response now = RawHttp.exchange(cognate.endpoint(), request("GET", "/_cognate/clock", "", null, null));
      assertEquals(200, now.status(), "after " + move + ": " + now);
      Pool pool = Pools.defaultPool(cognito);
      assertEquals(pool.poolId(), cognito.describeUserPool(r -> r.userPoolId(pool.poolId())).userPool().id());
    }
    Instant edge = Instant.parse("9999-12-31T00:00:00Z");
    RawHttp.Response atEdge = post("/_cognate/clock", "{\"set\": \"" + edge + "\"}", "application/json", null);
    assertEquals(200, atEdge.status(), atEdge.toString());
    cognate.clock().set(Instant.now());
    System.out.println("StateControlAttacksIT: " + moves.size() + " absurd clock moves -> 400, clock unmoved and working");
  }

  @Test
  void aCrossSitePostCannotResetImportOrMoveTheClock() throws Exception {
    Pool pool = Pools.defaultPool(cognito);
    String state = cognate.exportState();
    Duration offset = cognate.clock().offset();
    for (String origin : List.of("http://evil.example", "null", "https://127.0.0.1.nip.io")) {
      for (String[] attempt :
          List.of(
              new String[] {"/_cognate/reset?empty=true", ""},
              new String[] {"/_cognate/state", "{\"format\": \"cognate-state\", \"version\": 1, \"schemaVersion\": 1,"
                  + " \"keys\": false, \"tables\": {}}"},
              new String[] {"/_cognate/clock", "{\"advanceSeconds\": 86400}"})) {
        RawHttp.Response response = post(attempt[0], attempt[1], "text/plain", origin);
        assertEquals(403, response.status(), origin + " " + attempt[0] + " -> " + response);
        JsonNode error = JSON.readTree(response.body());
        assertEquals("AccessDeniedException", error.get("__type").asText(), response.toString());
        assertEquals(
            "/_cognate accepts changes only from pages on localhost, a loopback address or the configured host.",
            error.get("message").asText());
        assertNull(response.header("Access-Control-Allow-Origin"), response.toString());
      }
    }
    assertEquals(pool.poolId(), cognito.describeUserPool(r -> r.userPoolId(pool.poolId())).userPool().id());
    assertEquals(offset, cognate.clock().offset());
    assertEquals(state, cognate.exportState());

    String port = String.valueOf(cognate.endpoint().getPort());
    RawHttp.Response local =
        post("/_cognate/clock", "{\"advanceSeconds\": 0}", "application/json", "http://localhost:" + port);
    assertEquals(200, local.status(), "a page on localhost is the developer's own: " + local);
    System.out.println("StateControlAttacksIT: 9 cross-site form posts to reset/state/clock -> 403, state unchanged;"
        + " a localhost page -> 200");
  }

  @Test
  void aSwitchThatIsNeitherTrueNorFalseIsRefusedRatherThanReadAsFalse() throws Exception {
    Pool pool = Pools.defaultPool(cognito);
    String state = cognate.exportState();
    for (String value : List.of("yes", "1", "")) {
      RawHttp.Response reset = post("/_cognate/reset?empty=" + value, "", null, null);
      assertEquals(400, reset.status(), "empty=" + value + " -> " + reset);
      assertEquals("empty must be true or false.", JSON.readTree(reset.body()).get("message").asText());
      RawHttp.Response export =
          RawHttp.exchange(cognate.endpoint(), request("GET", "/_cognate/state?keys=" + value, "", null, null));
      assertEquals(400, export.status(), "keys=" + value + " -> " + export);
      assertEquals("keys must be true or false.", JSON.readTree(export.body()).get("message").asText());
    }
    assertEquals(state, cognate.exportState());
    assertEquals(pool.poolId(), cognito.describeUserPool(r -> r.userPoolId(pool.poolId())).userPool().id());
    RawHttp.Response withoutKeys =
        RawHttp.exchange(cognate.endpoint(), request("GET", "/_cognate/state?keys=false", "", null, null));
    assertEquals(200, withoutKeys.status(), withoutKeys.toString());
    assertEquals(false, JSON.readTree(withoutKeys.body()).get("keys").asBoolean());
  }

  private RawHttp.Response post(String path, String body, String contentType, String origin) throws Exception {
    return RawHttp.exchange(cognate.endpoint(), request("POST", path, body, contentType, origin));
  }

  private String request(String method, String path, String body, String contentType, String origin) {
    URI endpoint = cognate.endpoint();
    return method + " " + path + " HTTP/1.1\r\nHost: " + RawHttp.host(endpoint) + "\r\n"
        + (origin == null ? "" : "Origin: " + origin + "\r\n")
        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
        + "Connection: close\r\nContent-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + "\r\n\r\n" + body;
  }
}
