package dev.cognate.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * In-process starts, each measured in a fresh child JVM on this jar's classpath (the emulator and its dependencies,
 * JUnit, the AWS SDK), so the first start pays class loading and JIT as a user's first test does.
 */
final class InProcessStart {
  private InProcessStart() {}

  static void measure(Map<String, Cell> rows, Consumer<String> progress) {
    progress.accept("Cognate in-process starts (child JVMs)");
    Map<String, String> api = child(ApiStartProbe.class.getName());
    put(rows, Rows.API_FIRST, api, "first", "Cognate.start + first CreateUserPool; "
        + second(api.get("first")) + " since the JVM started");
    put(rows, Rows.API_WARM, api, "warm", "median of 10");
    Map<String, String> extension = child(ExtensionStartProbe.class.getName(), ExtensionProbeTest.class.getName());
    put(rows, Rows.EXTENSION_FIRST, extension, "first", "class start to end, one test calling ListUserPools"
        + " through the injected client; with JUnit discovery " + second(extension.get("first")));
    put(rows, Rows.EXTENSION_WARM, extension, "warm", "median of 5");
    Map<String, String> plain = child(ExtensionStartProbe.class.getName(), PlainProbeTest.class.getName());
    put(rows, Rows.PLAIN_JUNIT_FIRST, plain, "first", "with JUnit discovery " + second(plain.get("first")));
  }

  private static void put(Map<String, Cell> rows, String row, Map<String, String> lines, String key, String detail) {
    if (lines.containsKey("failed")) {
      rows.put(row, Cell.unavailable(lines.get("failed")));
    } else if (!lines.containsKey(key)) {
      rows.put(row, Cell.unavailable("the child JVM printed no result: " + lines.getOrDefault("output", "")));
    } else {
      rows.put(row, Cell.millis(Double.parseDouble(lines.get(key).split(" ")[0]), detail));
    }
  }

  private static String second(String line) {
    String[] parts = line == null ? new String[0] : line.split(" ");
    return parts.length > 1 ? Format.millis(Double.parseDouble(parts[1])) : "n/a";
  }

  /** Runs a probe main in a new JVM and answers its output lines by first word, or why it printed none. */
  private static Map<String, String> child(String... mainAndArgs) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(mainAndArgs));
    try {
      Path outputFile = Files.createTempFile("cognate-benchmark-probe", ".txt");
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectOutput(outputFile.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      String output = Files.readString(outputFile, StandardCharsets.UTF_8);
      Files.delete(outputFile);
      Map<String, String> lines = new HashMap<>();
      output.lines().filter(l -> l.contains(" "))
          .forEach(l -> lines.put(l.substring(0, l.indexOf(' ')), l.substring(l.indexOf(' ') + 1)));
      lines.put("output", output.replaceAll("\\s+", " ").trim());
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of("failed", "interrupted");
    }
  }
}
