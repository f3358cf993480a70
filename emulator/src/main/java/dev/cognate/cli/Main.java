package dev.cognate.cli;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.provision.ProvisioningException;
import dev.cognate.storage.jdbc.UnusableDatabaseException;
import java.net.URI;
import java.util.List;

/** The standalone emulator: {@code java -jar cognate-emulator.jar [options]}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    if (arguments.contains("--help") || arguments.contains("-h")) {
      System.out.print(ConfigLoader.usage());
      return;
    }
    CognateConfig config;
    try {
      config = ConfigLoader.load(arguments, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("cognate: " + e.getMessage());
      System.err.print(ConfigLoader.usage());
      System.exit(2);
      return;
    }
    Cognate cognate;
    try {
      cognate = Cognate.start(config);
    } catch (ProvisioningException e) {
      System.err.println("cognate: " + e.getMessage());
      System.exit(1);
      return;
    } catch (RuntimeException e) {
      // A taken port, a database another process holds, a read-only or damaged database: one line, no stack trace.
      System.err.println("cognate: cannot start on " + config.host() + ":" + config.port() + ": " + reason(e));
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(cognate::close, "cognate-shutdown"));
    cognate.provisioned().lines().forEach(System.out::println);
    System.out.println(listening(config, cognate.endpoint()));
    System.out.flush();
  }

  /** The address actually bound and, when that is every interface, the URL to use from this machine. */
  static String listening(CognateConfig config, URI endpoint) {
    String host = config.host().contains(":") && !config.host().startsWith("[") ? "[" + config.host() + "]" : config.host();
    String bound = "http://" + host + ":" + endpoint.getPort();
    if (bound.equals(endpoint.toString())) {
      return "Cognate listening on " + bound;
    }
    return "Cognate listening on " + bound + " (every network interface); from this machine use " + endpoint;
  }

  /** The refusal of an unusable database is already worded for the user; otherwise the root cause says most. */
  private static String reason(Throwable e) {
    Throwable root = e;
    while (!(root instanceof UnusableDatabaseException) && root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof UnusableDatabaseException) {
      return root.getMessage();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
  }
}
