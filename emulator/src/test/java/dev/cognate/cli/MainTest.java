package dev.cognate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.CognateConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void everyInterfaceIsNamedAsSuchWithTheLocalUrlBeside() {
    CognateConfig config = CognateConfig.builder().host("0.0.0.0").port(9229).build();
    assertEquals(
        "Cognate listening on http://0.0.0.0:9229 (every network interface); from this machine use"
            + " http://127.0.0.1:9229",
        Main.listening(config, URI.create("http://127.0.0.1:9229")));
  }

  @Test
  void aLoopbackAddressIsPrintedAsItIs() {
    CognateConfig config = CognateConfig.builder().build();
    assertEquals(
        "Cognate listening on http://127.0.0.1:9229", Main.listening(config, URI.create("http://127.0.0.1:9229")));
  }
}
