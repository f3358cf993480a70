package dev.cognate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A port already taken stops the app with one line saying which, as the standalone emulator does, never a trace. */
class StartFailureIT {

  @Test
  void aTakenEmulatorPortIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Outcome outcome = run("--with-emulator", "--port", "0", "--emulator-port", String.valueOf(port));
      System.out.println("StartFailureIT: emulator port taken: exit " + outcome.status() + ", stderr " + outcome.stderr());
      assertEquals(1, outcome.status());
      outcome.saysOnly("cognate-app: cannot start the emulator on 127.0.0.1:" + port + ": Address already in use");
    }
  }

  @Test
  void aTakenAppPortIsOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Outcome outcome = run("--with-emulator", "--port", String.valueOf(port), "--emulator-port", "0");
      System.out.println("StartFailureIT: app port taken: exit " + outcome.status() + ", stderr " + outcome.stderr());
      assertEquals(1, outcome.status());
      outcome.saysOnly("cognate-app: cannot serve the app on 127.0.0.1:" + port + ": Address already in use");
    }
  }

  /** What a run left on standard error: besides log lines (Javalin's one-line "Failed to start"), only the reason. */
  private record Outcome(int status, List<String> stderr) {
    void saysOnly(String reason) {
      assertEquals(List.of(reason), stderr.stream().filter(line -> line.startsWith("cognate-app:")).toList());
      assertEquals(reason, stderr.get(stderr.size() - 1));
      assertTrue(
          stderr.stream().noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception")),
          "no stack trace: " + stderr);
    }
  }

  /** Runs the app's command line in this JVM, with standard error (where the log goes too) captured. */
  private static Outcome run(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = Main.run(List.of(args));
    } finally {
      System.setErr(original);
    }
    return new Outcome(status, captured.toString(StandardCharsets.UTF_8).lines().toList());
  }
}
