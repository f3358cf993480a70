package dev.cognate.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command line: what to measure, against whom, for how long. */
record Options(Peer cognate, List<Peer> peers, Duration measured, Duration warmUp, int coldStarts,
               boolean hundredThousandUsers, Optional<Path> out) {

  static final String USAGE = """
      usage: java -jar benchmark/target/cognate-benchmark.jar [options]
        --vs COMMAND|URL     also measure a peer: a shell command with {port} in it that starts it
                             (e.g. "python3 -m moto.server -p {port}") or the URL of one already running
                             (e.g. http://127.0.0.1:5000); repeatable
        --vs-name NAME       name of the peer given by the --vs before it (default: guessed from the command)
        --cognate COMMAND|URL  how to start Cognate (default: ./cognate --in-memory --port {port}, or java -jar <emulator jar> without the launcher)
        --seconds N          measured seconds per load run (default 5; each run warms up 2 s first)
        --cold-starts N      cold starts per target, the median is reported (default 5)
        --users-100k         also measure sign-in and sign-up latency with 100,000 users in the pool (slow)
        --out FILE           also write the Markdown report to FILE
      """;

  /** A system under test: started from a command with {port}, or already running at a URL. */
  record Peer(String name, String commandOrUrl) {
    boolean running() {
      return commandOrUrl.startsWith("http://");
    }
  }

  static Options parse(String[] args, String defaultCognateCommand) {
    Peer cognate = new Peer("Cognate", defaultCognateCommand);
    List<Peer> peers = new ArrayList<>();
    int seconds = 5;
    int coldStarts = 5;
    boolean hundredThousand = false;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--vs" -> peers.add(new Peer(guessName(value(args, ++i, arg)), args[i]));
        case "--vs-name" -> {
          if (peers.isEmpty()) {
            throw new IllegalArgumentException("--vs-name names the --vs before it");
          }
          Peer last = peers.remove(peers.size() - 1);
          peers.add(new Peer(value(args, ++i, arg), last.commandOrUrl()));
        }
        case "--cognate" -> cognate = new Peer("Cognate", value(args, ++i, arg));
        case "--seconds" -> seconds = positive(value(args, ++i, arg), arg);
        case "--cold-starts" -> coldStarts = positive(value(args, ++i, arg), arg);
        case "--users-100k" -> hundredThousand = true;
        case "--out" -> out = Path.of(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new Options(cognate, List.copyOf(peers), Duration.ofSeconds(seconds), Duration.ofSeconds(2), coldStarts,
        hundredThousand, Optional.ofNullable(out));
  }

  private static String guessName(String commandOrUrl) {
    if (commandOrUrl.contains("moto")) {
      return "moto";
    }
    if (commandOrUrl.contains("cognito-local")) {
      return "cognito-local";
    }
    return commandOrUrl.startsWith("http://") ? commandOrUrl.replaceFirst("^http://", "") : "peer";
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int positive(String value, String option) {
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw new IllegalArgumentException(option + " needs a positive whole number, was " + value);
  }
}
