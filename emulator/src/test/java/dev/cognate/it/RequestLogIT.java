package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.support.CapturedLog;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.support.Pools;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every request logs one line, the documents and /_cognate routes read with GET as much as the API's POSTs. */
class RequestLogIT {
  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.start();
  private static final URI ENDPOINT = EMULATOR.cognate().endpoint();

  @Test
  void getRequestsLogOneLineEachWithMethodPathAndStatus() throws Exception {
    String poolId = Pools.defaultPool(EMULATOR.cognito()).poolId();
    List<String> lines;
    try (CapturedLog log = CapturedLog.start()) {
      assertEquals(200, Http.get(ENDPOINT + "/" + poolId + "/.well-known/jwks.json").statusCode());
      assertEquals(200, Http.get(ENDPOINT + "/" + poolId + "/.well-known/openid-configuration").statusCode());
      assertEquals(200, Http.get(ENDPOINT + "/_cognate/health").statusCode());
      assertEquals(200, Http.codes(ENDPOINT, poolId, "nobody").statusCode());
      assertEquals(404, Http.get(ENDPOINT + "/us-east-1_nopoolhere/.well-known/jwks.json").statusCode());
      lines = log.awaitRequestLines(5);
    }
    System.out.println("RequestLogIT: " + lines);
    assertEquals(1, count(lines, " GET /" + poolId + "/.well-known/jwks.json 200 "), lines::toString);
    assertEquals(1, count(lines, " GET /" + poolId + "/.well-known/openid-configuration 200 "), lines::toString);
    assertEquals(1, count(lines, " GET /_cognate/health 200 "), lines::toString);
    assertEquals(1, count(lines, " GET /_cognate/codes 200 "), lines::toString);
    assertEquals(
        1, count(lines, " GET /us-east-1_nopoolhere/.well-known/jwks.json NotFoundException "), lines::toString);
    assertTrue(lines.stream().noneMatch(line -> line.contains("nobody")), "query strings stay out of the log");
  }

  private static long count(List<String> lines, String fragment) {
    return lines.stream().filter(line -> line.contains(fragment)).count();
  }
}
