package dev.cognate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainOptionsTest {

  @Test
  void defaults() {
    assertEquals(new Main.Options("127.0.0.1", 8080, false, 9229), Main.Options.parse(List.of(), Map.of()));
  }

  @Test
  void flags() {
    assertEquals(
        new Main.Options("0.0.0.0", 3000, true, 9339),
        Main.Options.parse(
            List.of("--with-emulator", "--port", "3000", "--host", "0.0.0.0", "--emulator-port", "9339"), Map.of()));
    assertEquals(new Main.Options("127.0.0.1", 0, true, 0),
        Main.Options.parse(List.of("--port", "0", "--emulator-port", "0", "--with-emulator"), Map.of()));
  }

  @Test
  void theEnvironmentSetsPortAndHost() {
    assertEquals(
        new Main.Options("0.0.0.0", 9000, false, 9229),
        Main.Options.parse(List.of(), Map.of("APP_PORT", "9000", "APP_HOST", "0.0.0.0")));
  }

  @Test
  void flagsOverrideTheEnvironment() {
    assertEquals(
        new Main.Options("::1", 9100, false, 9229),
        Main.Options.parse(List.of("--port", "9100", "--host", "::1"), Map.of("APP_PORT", "9000", "APP_HOST", "0.0.0.0")));
  }

  @Test
  void theLastOfARepeatedFlagWins() {
    assertEquals(8082, Main.Options.parse(List.of("--port", "8081", "--port", "8082"), Map.of()).port());
  }

  @Test
  void anUnknownOptionIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(List.of("--verbose"), Map.of()));
    assertEquals("unknown option --verbose", e.getMessage());
    IllegalArgumentException positional =
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(List.of("8080"), Map.of()));
    assertEquals("unknown option 8080", positional.getMessage());
  }

  @Test
  void aFlagWithoutItsValueIsRefused() {
    for (String flag : List.of("--port", "--host", "--emulator-port")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(List.of(flag), Map.of()));
      assertEquals(flag + " needs a value", e.getMessage());
    }
  }

  @Test
  void aPortThatIsNotANumberIsRefused() {
    IllegalArgumentException port =
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(List.of("--port", "http"), Map.of()));
    assertEquals("--port needs a number, got http", port.getMessage());
    IllegalArgumentException emulatorPort =
        assertThrows(
            IllegalArgumentException.class, () -> Main.Options.parse(List.of("--emulator-port", "x1"), Map.of()));
    assertEquals("--emulator-port needs a number, got x1", emulatorPort.getMessage());
    IllegalArgumentException flagAsValue =
        assertThrows(
            IllegalArgumentException.class,
            () -> Main.Options.parse(List.of("--port", "--with-emulator"), Map.of()));
    assertEquals("--port needs a number, got --with-emulator", flagAsValue.getMessage());
  }

  @Test
  void anAppPortThatIsNotANumberIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(List.of(), Map.of("APP_PORT", "eighty")));
    assertEquals("APP_PORT needs a number, got eighty", e.getMessage());
  }

  @Test
  void aPortOutsideTheRangeIsRefused() {
    IllegalArgumentException high =
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(List.of("--port", "70000"), Map.of()));
    assertEquals("--port must be a port from 0 to 65535, got 70000", high.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class, () -> Main.Options.parse(List.of("--emulator-port", "-1"), Map.of()));
    assertEquals("--emulator-port must be a port from 0 to 65535, got -1", negative.getMessage());
  }
}
