package dev.cognate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.CognateConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpServerTest {

  @Test
  void warnsOnceWhenCodesAreReadableFromTheNetwork() {
    Optional<String> warning = HttpServer.exposureWarning(CognateConfig.builder().host("0.0.0.0").build());
    assertEquals(
        Optional.of(
            "Listening on 0.0.0.0, reachable from the network: anyone who can reach this port can read every"
                + " confirmation code at /_cognate/codes, and read (signing keys included), replace or reset the"
                + " whole state at /_cognate/state and /_cognate/reset. Use --host 127.0.0.1 or --no-dev-api unless"
                + " that is what you want."),
        warning);
  }

  @Test
  void noWarningOnLoopbackOrWithoutTheDevApi() {
    for (String host : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
      assertFalse(HttpServer.exposureWarning(CognateConfig.builder().host(host).build()).isPresent(), host);
    }
    assertFalse(HttpServer.exposureWarning(CognateConfig.builder().host("0.0.0.0").devApi(false).build()).isPresent());
    assertFalse(HttpServer.exposureWarning(CognateConfig.builder().host("127.0.0.1").randomSeed(42).build()).isPresent());
    assertTrue(HttpServer.exposureWarning(CognateConfig.builder().host("192.168.1.20").build()).isPresent());
  }

  @Test
  void warnsWhenASeededEmulatorIsReachableFromTheNetwork() {
    Optional<String> warning =
        HttpServer.exposureWarning(CognateConfig.builder().host("0.0.0.0").devApi(false).randomSeed(42).build());
    assertEquals(
        Optional.of(
            "Listening on 0.0.0.0 with --random-seed, reachable from the network: codes, temporary passwords,"
                + " refresh tokens and client secrets follow from the seed, so anyone who knows it can predict them."
                + " Seeds are for tests; use --host 127.0.0.1 unless that is what you want."),
        warning);
  }
}
