package dev.cognate.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** README's embedding example runs as pasted and reads a six-digit code from the outbox. */
class EmbeddedCognateIT {
  @Test
  void theReadmeExampleReadsTheCodeAliceWasSent() {
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      EmbeddedCognate.main(new String[0]);
    } finally {
      System.setOut(console);
    }
    String output = printed.toString(StandardCharsets.UTF_8);
    assertTrue(output.matches("(?s).*alice was sent \\d{6}\\R.*"), output);
  }
}
