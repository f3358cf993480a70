package dev.cognate.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Records each case's outcome on this run's target, and when the run ends writes {@code parity-<target>.tsv} and
 * regenerates {@code parity.md} from every target's file in the report folder: one row per case, one column per
 * target run.
 */
final class ParityRecorder implements TestWatcher {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ParityRecorder.class);
  private static final List<String> COLUMN_ORDER = List.of("emulator", "endpoint", "aws");

  @Override
  public void testSuccessful(ExtensionContext context) {
    results(context).record(caseName(context), "pass");
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    results(context).record(caseName(context), "FAIL: " + firstLine(cause.getMessage()));
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    results(context).record(caseName(context), "skipped: " + firstLine(cause.getMessage()));
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    results(context).record(caseName(context), "skipped: " + reason.orElse("disabled"));
  }

  private static String caseName(ExtensionContext context) {
    return context.getRequiredTestClass().getSimpleName() + ": " + context.getRequiredTestMethod().getName();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.lines().findFirst().orElse("");
    return line.replace("|", "\\|");
  }

  private static Results results(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("results", k -> new Results(), Results.class);
  }

  /** This run's outcomes, written out when JUnit closes the root store at the end of the run. */
  static final class Results implements AutoCloseable {
    private final Map<String, String> outcomes = new TreeMap<>();

    synchronized void record(String caseName, String outcome) {
      outcomes.put(caseName, outcome);
    }

    @Override
    public synchronized void close() {
      Path folder = Path.of(System.getProperty("cognate.reportDir", "target"));
      String target = Targets.chosen();
      try {
        Files.createDirectories(folder);
        List<String> lines = new ArrayList<>();
        outcomes.forEach((name, outcome) -> lines.add(name + "\t" + outcome));
        Files.write(folder.resolve("parity-" + target + ".tsv"), lines, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("parity.md"), markdown(read(folder)), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      long pass = outcomes.values().stream().filter(o -> o.equals("pass")).count();
      long fail = outcomes.values().stream().filter(o -> o.startsWith("FAIL")).count();
      long skipped = outcomes.size() - pass - fail;
      System.out.printf(
          "Parity on %s: %d cases, %d pass, %d fail, %d skipped (%s)%n",
          target, outcomes.size(), pass, fail, skipped, folder.resolve("parity.md"));
    }

    /** Every target's results in the folder, in a stable column order. */
    private static Map<String, Map<String, String>> read(Path folder) throws IOException {
      Map<String, Map<String, String>> byTarget = new TreeMap<>(
          Comparator.comparingInt((String t) -> COLUMN_ORDER.contains(t) ? COLUMN_ORDER.indexOf(t) : COLUMN_ORDER.size())
              .thenComparing(Comparator.naturalOrder()));
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "parity-*.tsv")) {
        for (Path file : files) {
          String name = file.getFileName().toString();
          String target = name.substring("parity-".length(), name.length() - ".tsv".length());
          Map<String, String> outcomes = new LinkedHashMap<>();
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
              outcomes.put(line.substring(0, tab), line.substring(tab + 1));
            }
          }
          byTarget.put(target, outcomes);
        }
      }
      return byTarget;
    }

    private static String markdown(Map<String, Map<String, String>> byTarget) {
      TreeSet<String> cases = new TreeSet<>();
      byTarget.values().forEach(outcomes -> cases.addAll(outcomes.keySet()));
      StringBuilder md = new StringBuilder("# Cognate parity report\n\n");
      md.append("One row per contract case, one column per target run (pass, FAIL with the first line of the"
          + " failure, or skipped with the reason).\n\n| case |");
      byTarget.keySet().forEach(t -> md.append(' ').append(t).append(" |"));
      md.append("\n|---|");
      byTarget.keySet().forEach(t -> md.append("---|"));
      md.append('\n');
      for (String name : cases) {
        md.append("| ").append(name).append(" |");
        byTarget.values().forEach(outcomes -> md.append(' ').append(outcomes.getOrDefault(name, "not run")).append(" |"));
        md.append('\n');
      }
      return md.toString();
    }
  }
}
