package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.support.StandaloneEmulator;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cognate} launcher at the repository's root: it serves like {@code java -jar}, records its class-data
 * archive beside the jar when its first run is stopped, maps that archive on the next run, and records nothing for
 * a run that never served.
 */
class LauncherIT {
  private static final Pattern READY = Pattern.compile("Cognate listening on (http://127\\.0\\.0\\.1:\\d+)");
  private static final Duration WITHIN = Duration.ofSeconds(60);

  private final Path launcher = Path.of("..", "cognate").toAbsolutePath().normalize();
  private final Path archive = StandaloneEmulator.jar().resolveSibling("cognate-emulator.jsa");
  private final Path archiveJvm = StandaloneEmulator.jar().resolveSibling("cognate-emulator.jsa.jvm");

  @TempDir Path logs;

  @BeforeEach
  void needsPosixShell() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the launcher is a POSIX shell script");
    Files.deleteIfExists(archive);
    Files.deleteIfExists(archiveJvm);
  }

  @Test
  void firstRunRecordsTheArchiveWhenStoppedAndTheNextRunMapsIt() throws Exception {
    Process first = start("first");
    URI endpoint = awaitReady(first, "first");
    assertEquals(200, health(endpoint));
    stop(first);
    assertTrue(Files.isRegularFile(archive) && Files.size(archive) > 0, "the stopped first run recorded " + archive);
    assertTrue(Files.exists(archiveJvm));

    Process second = start("second");
    URI again = awaitReady(second, "second");
    assertEquals(200, health(again));
    // The launcher execs java, so the process is the JVM; where there is a /proc, its mappings show the archive.
    boolean procfs = Files.isDirectory(Path.of("/proc/self"));
    boolean mapped =
        procfs && Files.readString(Path.of("/proc", Long.toString(second.pid()), "maps")).contains(archive.toString());
    stop(second);
    if (procfs) {
      assertTrue(mapped, "the second run maps " + archive);
    }
    assertTrue(Files.size(archive) > 0);
    System.out.println(
        "LauncherIT: first run served and recorded a " + Files.size(archive) / 1024 + " KiB archive when stopped;"
            + " the second served" + (mapped ? " with it mapped" : ""));
  }

  /**
   * The JVM refuses an archive whose jar changed after the archive's JVM started, silently: a jar rebuilt while the
   * first run recorded must not leave an archive the launcher goes on offering, or every later run starts without
   * class-data sharing until the next build.
   */
  @Test
  void aJarRebuiltWhileRecordingIsRecordedAgainAndThenMapped() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the mappings from /proc");
    Path jar = StandaloneEmulator.jar();
    Process first = start("first");
    awaitReady(first, "first");
    Thread.sleep(1100);
    // What a rebuild does to the jar as far as the JVM's archive check is concerned: a new modification time.
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    stop(first);

    Process second = start("second");
    awaitReady(second, "second");
    stop(second);

    Process third = start("third");
    awaitReady(third, "third");
    boolean mapped =
        Files.readString(Path.of("/proc", Long.toString(third.pid()), "maps")).contains(archive.toString());
    stop(third);
    System.out.println(
        "LauncherIT: jar rebuilt during the recording run; the third run " + (mapped ? "maps" : "does NOT map")
            + " the archive");
    assertTrue(mapped, "the third run maps " + archive + " after the jar changed during the first");
  }

  @Test
  void aRunThatNeverServedRecordsNothing() throws Exception {
    Process help = new ProcessBuilder("/bin/sh", launcher.toString(), "--help")
        .redirectOutput(logs.resolve("help.stdout").toFile())
        .redirectError(logs.resolve("help.stderr").toFile())
        .start();
    assertTrue(help.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS));
    assertEquals(0, help.exitValue());
    assertTrue(Files.readString(logs.resolve("help.stdout")).contains("--in-memory"));
    assertFalse(Files.exists(archive), "--help left no archive of its few classes");
  }

  private Process start(String name) throws IOException {
    return new ProcessBuilder("/bin/sh", launcher.toString(), "--port", "0", "--in-memory")
        .directory(logs.toFile())
        .redirectOutput(logs.resolve(name + ".stdout").toFile())
        .redirectError(logs.resolve(name + ".stderr").toFile())
        .start();
  }

  private URI awaitReady(Process process, String name) throws Exception {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = READY.matcher(Files.readString(logs.resolve(name + ".stdout")));
      if (m.find()) {
        return URI.create(m.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError(name + " run exited with " + process.exitValue() + ": "
            + Files.readString(logs.resolve(name + ".stderr")));
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new AssertionError(name + " run printed no ready line within " + WITHIN);
  }

  /** SIGTERM, as the launcher gets from a Ctrl-C: it passes it on and waits for the JVM to finish. */
  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not stop within " + WITHIN + " of SIGTERM");
    }
  }

  private static int health(URI endpoint) throws IOException {
    HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/_cognate/health").toURL().openConnection();
    try {
      return c.getResponseCode();
    } finally {
      c.disconnect();
    }
  }
}
