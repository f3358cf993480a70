package dev.cognate.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code java -jar benchmark/target/cognate-benchmark.jar [--vs COMMAND|URL] [--out FILE]}: measures Cognate, and
 * any peers given, on this machine, and prints a Markdown report. Progress goes to standard error.
 */
public final class Main {
  private static final Path JAR = Path.of("emulator", "target", "cognate-emulator.jar");
  private Main() {}

  public static void main(String[] args) throws IOException {
    Options options;
    try {
      options = Options.parse(args, defaultCognateCommand());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(Options.USAGE);
      System.exit(2);
      return;
    }
    Consumer<String> progress = line -> System.err.println("[benchmark] " + line);
    Path work = Files.createTempDirectory("cognate-benchmark");
    try {
      progress.accept("machine limits (RSA signatures, bcrypt)");
      Machine machine = Machine.measure();
      progress.accept("load generator ceiling");
      Throughput generator = GeneratorCeiling.measure(options.warmUp(), options.measured());
      Map<String, Map<String, Cell>> targets = new LinkedHashMap<>();
      targets.put("Cognate", cognate(options, work, progress));
      for (Options.Peer peer : options.peers()) {
        targets.put(peer.name(), TargetRun.measure(peer, options, work.resolve(peer.name()), progress));
      }
      String report = new Report(machine, generator, options, targets).markdown();
      System.out.print(report);
      if (options.out().isPresent()) {
        Files.writeString(options.out().get(), report);
        progress.accept("written to " + options.out().get());
      }
    } finally {
      delete(work);
    }
  }

  /** Cognate's rows: the cold start first, then its in-process starts, then the rest. */
  private static Map<String, Cell> cognate(Options options, Path work, Consumer<String> progress) {
    Map<String, Cell> inProcess = new LinkedHashMap<>();
    InProcessStart.measure(inProcess, progress);
    Map<String, Cell> measured = TargetRun.measure(options.cognate(), options, work.resolve("cognate"), progress);
    Map<String, Cell> rows = new LinkedHashMap<>();
    if (measured.containsKey(Rows.COLD_START)) {
      rows.put(Rows.COLD_START, measured.get(Rows.COLD_START));
    }
    rows.putAll(inProcess);
    rows.putAll(measured);
    return rows;
  }

  /**
   * The README's run command in the same checkout as this jar, with an in-memory database: the {@code cognate}
   * launcher, or the standalone jar where the launcher is missing. Both run on the Java that runs the benchmark.
   */
  private static String defaultCognateCommand() {
    Path root = Path.of("");
    try {
      Path self = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path checkout = self.getParent().getParent().getParent();
      if (Files.exists(checkout.resolve(JAR))) {
        root = checkout;
      }
    } catch (URISyntaxException | NullPointerException | SecurityException notFromAJar) {
      // fall back to paths relative to the working directory
    }
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path launcher = root.resolve("cognate").toAbsolutePath().normalize();
    if (Files.isExecutable(launcher)) {
      return "JAVA_HOME='" + javaHome + "' '" + launcher + "' --in-memory --port {port}";
    }
    String java = javaHome.resolve("bin").resolve("java").toString();
    return "'" + java + "' -jar '" + root.resolve(JAR).toAbsolutePath().normalize() + "' --in-memory --port {port}";
  }

  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      System.err.println("[benchmark] could not delete " + directory + ": " + e.getMessage());
    }
  }
}
