package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.RawHttp;
import dev.cognate.support.TestEmulator;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /_cognate} hands out confirmation codes, so a web page must not be able to use it: no CORS there,
 * preflights refused, and a request naming a foreign host (DNS rebinding) refused. {@code --no-dev-api} turns the
 * code-revealing routes off. The emulated Cognito API keeps answering any origin, as Cognito does.
 */
class DevApiSecurityIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CODES = "/_cognate/codes?userPoolId=us-east-1_AAAAAAAAA&username=alice";

  @Test
  void devRoutesCarryNoCorsAndRefusePreflights() throws Exception {
    try (Cognate cognate = TestEmulator.start()) {
      URI endpoint = cognate.endpoint();
      RawHttp.Response codes = get(endpoint, CODES, RawHttp.host(endpoint), "Origin: http://evil.example\r\n");
      assertEquals(200, codes.status(), codes.toString());
      assertNull(codes.header("Access-Control-Allow-Origin"), codes.toString());

      RawHttp.Response preflight =
          RawHttp.exchange(
              endpoint,
              "OPTIONS " + CODES + " HTTP/1.1\r\nHost: " + RawHttp.host(endpoint)
                  + "\r\nOrigin: http://evil.example\r\nAccess-Control-Request-Method: GET\r\nConnection: close\r\n\r\n");
      assertEquals(403, preflight.status(), preflight.toString());
      assertNull(preflight.header("Access-Control-Allow-Origin"), preflight.toString());
      assertNull(preflight.header("Access-Control-Allow-Methods"), preflight.toString());
      assertEnvelope(preflight, "AccessDeniedException");

      RawHttp.Response api =
          RawHttp.exchange(
              endpoint,
              "OPTIONS / HTTP/1.1\r\nHost: " + RawHttp.host(endpoint)
                  + "\r\nOrigin: http://app.example\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
      assertEquals(200, api.status(), api.toString());
      assertEquals("http://app.example", api.header("Access-Control-Allow-Origin"), api.toString());
      System.out.println(
          "DevApiSecurityIT: /_cognate with a foreign Origin -> no CORS headers; its preflight -> "
              + preflight.status() + "; preflight to / -> " + api.status() + " allowing " + api.header("Access-Control-Allow-Origin"));
    }
  }

  @Test
  void devRoutesRefuseForeignHostNames() throws Exception {
    try (Cognate cognate = TestEmulator.start()) {
      URI endpoint = cognate.endpoint();
      int port = endpoint.getPort();
      for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1.nip.io:" + port, "10.0.0.5:" + port)) {
        for (String path : List.of(CODES, "/_cognate/health")) {
          RawHttp.Response response = get(endpoint, path, host, "");
          assertEquals(403, response.status(), host + " " + path + " -> " + response);
          assertEnvelope(response, "AccessDeniedException");
        }
      }
      for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "127.1.2.3:" + port, "[::1]:" + port, "LOCALHOST")) {
        RawHttp.Response response = get(endpoint, CODES, host, "");
        assertEquals(200, response.status(), host + " -> " + response);
      }
      RawHttp.Response api =
          RawHttp.exchange(
              endpoint,
              "POST / HTTP/1.1\r\nHost: evil.example\r\nX-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools"
                  + "\r\nContent-Type: application/x-amz-json-1.1\r\nConnection: close\r\nContent-Length: 16\r\n\r\n"
                  + "{\"MaxResults\":1}");
      assertEquals(200, api.status(), "the emulated API does not care about Host: " + api);
      System.out.println("DevApiSecurityIT: /_cognate refused 4 foreign Host names with 403, served 5 loopback ones");
    }
  }

  @Test
  void theConfiguredHostAndTheIssuerHostAreAccepted() throws Exception {
    try (Cognate cognate =
        TestEmulator.start(CognateConfig.forTests().host("127.0.0.1").issuer("http://cognate.internal:9229"))) {
      URI endpoint = cognate.endpoint();
      assertEquals(200, get(endpoint, CODES, "cognate.internal:9229", "").status());
      assertEquals(403, get(endpoint, CODES, "other.internal:9229", "").status());
    }
  }

  @Test
  void noDevApiTurnsOffTheCodesButKeepsHealth() throws Exception {
    try (Cognate cognate = TestEmulator.start(CognateConfig.forTests().devApi(false))) {
      URI endpoint = cognate.endpoint();
      RawHttp.Response codes = get(endpoint, CODES, RawHttp.host(endpoint), "");
      assertEquals(404, codes.status(), codes.toString());
      assertEnvelope(codes, "NotFoundException");
      assertEquals(
          "/_cognate/codes is turned off (--no-dev-api); only /_cognate/health answers.",
          JSON.readTree(codes.body()).get("message").asText());
      RawHttp.Response health = get(endpoint, "/_cognate/health", RawHttp.host(endpoint), "");
      assertEquals(200, health.status(), health.toString());
      assertEquals("http", endpoint.getScheme());
      assertEquals("127.0.0.1", endpoint.getHost());
      System.out.println("DevApiSecurityIT: with devApi off, /_cognate/codes -> 404, health -> 200");
    }
  }

  @Test
  void aCodesRequestWithoutItsParametersAnswersInTheEnvelope() throws Exception {
    try (Cognate cognate = TestEmulator.start()) {
      URI endpoint = cognate.endpoint();
      for (String path : List.of("/_cognate/codes?username=alice", "/_cognate/codes")) {
        RawHttp.Response codes = get(endpoint, path, RawHttp.host(endpoint), "");
        assertEquals(400, codes.status(), path + " -> " + codes);
        assertEnvelope(codes, "BadRequestException");
        assertEquals("userPoolId is required.", JSON.readTree(codes.body()).get("message").asText());
      }
    }
  }

  private static RawHttp.Response get(URI endpoint, String path, String host, String extraHeaders) throws Exception {
    return RawHttp.exchange(
        endpoint, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders + "Connection: close\r\n\r\n");
  }

  private static void assertEnvelope(RawHttp.Response response, String code) throws Exception {
    assertTrue(String.valueOf(response.header("content-type")).startsWith("application/x-amz-json-1.1"), response.toString());
    assertEquals(code + ":", response.header("x-amzn-ErrorType"), response.toString());
    JsonNode body = JSON.readTree(response.body());
    assertEquals(code, body.get("__type").asText(), response.toString());
    assertTrue(body.get("message").isTextual(), response.toString());
  }
}
