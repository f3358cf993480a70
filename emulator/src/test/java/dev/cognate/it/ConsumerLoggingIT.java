package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.support.Http;
import dev.cognate.support.StandaloneEmulator;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cognate as a library leaves the choice of logging to the application: a consumer with Logback gets one SLF4J
 * provider, Logback, and Cognate's lines through it; the standalone jar brings its own binding.
 *
 * <p>The consumer's class path is the one Maven gives a project that depends on {@code cognate-emulator}: its
 * compile and runtime dependencies without the optional ones, as {@code dependency:list} wrote them to {@code
 * target/consumer-dependencies.txt} before the integration tests; plus the Logback jars the build names (they are
 * kept off this test's own class path).
 */
class ConsumerLoggingIT {
  private static final Pattern READY = Pattern.compile("Cognate listening on (http://127\\.0\\.0\\.1:\\d+)");
  // "   group:artifact:jar[:classifier]:version:scope:/path/to.jar [(optional)] -- module name"
  private static final Pattern LISTED = Pattern.compile("^\\s+\\S+:(compile|runtime):(/\\S+\\.jar)( \\(optional\\))?.*$");

  @TempDir Path logs;

  @Test
  void aConsumerWithLogbackStartsCleanlyAndLogsThroughLogback() throws Exception {
    List<String> classPath = new ArrayList<>();
    classPath.add(Path.of("target", "classes").toAbsolutePath().toString());
    classPath.addAll(consumerDependencies());
    classPath.addAll(List.of(System.getProperty("cognate.test.logback", "").split(",")));
    assertEquals(
        2, classPath.stream().filter(jar -> jar.contains("logback-")).count(), "the build names the Logback jars");

    Run run = run(List.of("-cp", String.join(File.pathSeparator, classPath), "dev.cognate.cli.Main"), "consumer");
    System.out.println("ConsumerLoggingIT: consumer with Logback: stderr " + run.stderr() + "; request line " + run.requestLine());
    assertTrue(run.stderr().stream().noneMatch(line -> line.contains("SLF4J")), "no SLF4J warning: " + run.stderr());
    // Logback's own default layout: time, [thread], level, logger, "--", message.
    assertTrue(
        run.requestLine()
            .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[.+\\] INFO cognate\\.requests -- GET /_cognate/health 200 \\d+ms"),
        run.requestLine());
  }

  @Test
  void theStandaloneJarLogsWithItsOwnBinding() throws Exception {
    Run run = run(List.of("-jar", StandaloneEmulator.jar().toString()), "standalone");
    System.out.println("ConsumerLoggingIT: standalone jar: request line " + run.requestLine());
    assertTrue(run.stderr().stream().noneMatch(line -> line.contains("SLF4J")), "no SLF4J warning: " + run.stderr());
    // slf4j-simple with the jar's simplelogger.properties.
    assertTrue(
        run.requestLine().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO requests - GET /_cognate/health 200 \\d+ms"),
        run.requestLine());
  }

  /** What a run printed: standard error, and the one request line (on whichever stream its logger writes). */
  private record Run(List<String> stderr, String requestLine) {}

  /** Starts the emulator in a child JVM, asks for its health once, and stops it. */
  private Run run(List<String> launch, String name) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(launch);
    command.addAll(List.of("--port", "0", "--in-memory"));
    Path out = logs.resolve(name + ".stdout");
    Path err = logs.resolve(name + ".stderr");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      Matcher ready = await(READY, out);
      assertEquals(200, Http.get(URI.create(ready.group(1) + "/_cognate/health")).statusCode());
      String line = await(Pattern.compile(".*GET /_cognate/health 200.*"), out, err).group();
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the emulator stops when asked");
      return new Run(Files.readAllLines(err, StandardCharsets.UTF_8), line);
    } finally {
      process.destroyForcibly();
    }
  }

  /** The first line of the files matching {@code pattern}, waiting up to 60 seconds for the child to write it. */
  private static Matcher await(Pattern pattern, Path... files) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      for (Path file : files) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          Matcher m = pattern.matcher(line);
          if (m.find()) {
            return m;
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no line like " + pattern + " in " + List.of(files));
      }
      Thread.sleep(50);
    }
  }

  private static List<String> consumerDependencies() throws Exception {
    Path listed = Path.of("target", "consumer-dependencies.txt");
    assertTrue(Files.isRegularFile(listed), listed + " is written by dependency:list in pre-integration-test");
    List<String> jars = new ArrayList<>();
    for (String line : Files.readAllLines(listed, StandardCharsets.UTF_8)) {
      Matcher m = LISTED.matcher(line);
      if (m.matches() && m.group(3) == null) {
        jars.add(m.group(2));
      }
    }
    assertFalse(jars.isEmpty(), "dependencies listed in " + listed);
    return jars;
  }
}
