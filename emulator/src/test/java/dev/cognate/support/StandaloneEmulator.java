package dev.cognate.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone jar ({@code target/cognate-emulator.jar}, built by {@code package} before Failsafe runs) as a
 * {@code java} subprocess on a free loopback port, its stdout and stderr kept in files so nothing blocks on a pipe.
 */
public final class StandaloneEmulator implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("Cognate listening on (http://127\\.0\\.0\\.1:\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path stdout;
  private final Path stderr;
  private URI endpoint;

  private StandaloneEmulator(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  public static Path jar() {
    Path jar = Path.of("target", "cognate-emulator.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run through `mvn verify`, which packages it first");
    }
    return jar;
  }

  /** Starts the jar on {@code dataDir} and returns once it printed its ready line; logs go next to it. */
  public static StandaloneEmulator start(Path dataDir, Path logDir, String name, String... flags) throws IOException {
    StandaloneEmulator emulator = launch(dataDir, logDir, name, flags);
    emulator.awaitReady();
    return emulator;
  }

  /** Starts the jar and waits for it to exit by itself, as it should when it refuses to start. */
  public static Exit runExpectingExit(Path dataDir, Path logDir, String name, String... flags) throws Exception {
    StandaloneEmulator emulator = launch(dataDir, logDir, name, flags);
    try {
      if (!emulator.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("the emulator kept running; stdout: " + emulator.stdout());
      }
      return new Exit(emulator.process.exitValue(), emulator.stdout(), emulator.stderr());
    } finally {
      emulator.close();
    }
  }

  private static StandaloneEmulator launch(Path dataDir, Path logDir, String name, String... flags)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(List.of(
            java,
            // Start-up flags only (C1 JIT, serial GC): a cold JVM comes up about twice as fast on two cores.
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            jar().toString(),
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--data",
            dataDir.toString()));
    command.addAll(List.of(flags));
    ProcessBuilder builder = new ProcessBuilder(command);
    Files.createDirectories(logDir);
    Path out = logDir.resolve(name + ".stdout");
    Path err = logDir.resolve(name + ".stderr");
    builder.redirectOutput(out.toFile());
    builder.redirectError(err.toFile());
    return new StandaloneEmulator(builder.start(), out, err);
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = READY.matcher(stdout());
      if (m.find()) {
        endpoint = URI.create(m.group(1));
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the emulator exited with " + process.exitValue() + "; stderr: " + stderr());
      }
      sleep(Duration.ofMillis(50));
    }
    close();
    throw new AssertionError("no ready line within " + START_TIMEOUT + "; stderr: " + stderr());
  }

  public URI endpoint() {
    return endpoint;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      throw new AssertionError("the killed emulator did not exit");
    }
  }

  /** SIGTERM: the shutdown hook closes the server and the database, as a user's Ctrl-C would. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the emulator did not stop within 30 s of SIGTERM");
    }
  }

  public String stdout() throws IOException {
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  public String stderr() throws IOException {
    return Files.readString(stderr, StandardCharsets.UTF_8);
  }

  /** Every line the process logged or printed so far. */
  public List<String> logLines() throws IOException {
    List<String> lines = new ArrayList<>(stdout().lines().toList());
    lines.addAll(stderr().lines().toList());
    return lines;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** How a process that was expected to refuse to start ended. */
  public record Exit(int code, String stdout, String stderr) {}
}
