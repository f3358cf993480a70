package dev.cognate.app;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.app.local.LocalServer;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The app on a laptop: {@code java -jar cognate-app.jar [--port N] [--host ADDRESS] [--with-emulator
 * [--emulator-port N]]}. Without {@code --with-emulator} it talks to whatever Cognito endpoint the environment names.
 */
public final class Main {
  private Main() {}

  /** The command line, parsed. */
  record Options(String host, int port, boolean withEmulator, int emulatorPort) {
    static Options parse(List<String> args, Map<String, String> env) {
      String host = env.getOrDefault("APP_HOST", "127.0.0.1");
      int port = number("APP_PORT", env.getOrDefault("APP_PORT", "8080"));
      boolean withEmulator = false;
      int emulatorPort = CognateConfig.DEFAULT_PORT;
      List<String> rest = new ArrayList<>(args);
      while (!rest.isEmpty()) {
        String arg = rest.remove(0);
        switch (arg) {
          case "--with-emulator" -> withEmulator = true;
          case "--host" -> host = value(arg, rest);
          case "--port" -> port = number(arg, value(arg, rest));
          case "--emulator-port" -> emulatorPort = number(arg, value(arg, rest));
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      return new Options(host, port, withEmulator, emulatorPort);
    }

    private static String value(String flag, List<String> rest) {
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return rest.remove(0);
    }

    private static int number(String flag, String value) {
      int port;
      try {
        port = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " needs a number, got " + value);
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(flag + " must be a port from 0 to 65535, got " + value);
      }
      return port;
    }
  }

  static final String USAGE =
      """
      Usage: java -jar cognate-app.jar [options]
        --port N             port to serve the app on (APP_PORT, default 8080)
        --host ADDRESS       address to bind (APP_HOST, default 127.0.0.1)
        --with-emulator      start a Cognate emulator in-process with the original pool and client
        --emulator-port N    port of that emulator (default 9229)
      Without --with-emulator: USER_POOL_ID and USER_CLIENT_ID name the pool and client; AWS_REGION, the default
      credential chain and AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER (or AWS_ENDPOINT_URL) name the Cognito to use.
      """;

  public static void main(String[] args) {
    int status = run(List.of(args));
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Starts the app (it keeps running until the JVM stops) and says 0, or says why not and the exit status. */
  static int run(List<String> args) {
    if (args.contains("--help")) {
      System.out.print(USAGE);
      return 0;
    }
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("cognate-app: " + e.getMessage());
      System.err.print(USAGE);
      return 2;
    }
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(start(options)::close, "cognate-app-shutdown"));
    } catch (CannotStart e) {
      System.err.println("cognate-app: " + e.getMessage());
      return 1;
    } catch (IllegalStateException e) {
      System.err.println("cognate-app: " + e.getMessage());
      return 2;
    }
    return 0;
  }

  /** A port taken or an address not ours, said in one line as the standalone emulator says it. */
  static final class CannotStart extends RuntimeException {
    CannotStart(String what, String host, int port, RuntimeException failure) {
      super("cannot " + what + " on " + host + ":" + port + ": " + rootMessage(failure), failure);
    }

    private static String rootMessage(Throwable failure) {
      Throwable root = failure;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
    }
  }

  /** Everything the app runs, closed together. */
  record Running(LocalServer server, CognitoIdentityProviderClient cognito, Cognate emulator) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
      cognito.close();
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  static Running start(Options options) {
    Map<String, String> env = System.getenv();
    if (options.withEmulator()) {
      CognateConfig config =
          CognateConfig.builder().port(options.emulatorPort()).inMemory().template(LocalServer.TEMPLATE).build();
      Cognate emulator;
      try {
        emulator = Cognate.start(config);
      } catch (RuntimeException e) {
        throw new CannotStart("start the emulator", config.host(), config.port(), e);
      }
      CognitoIdentityProviderClient cognito = CognitoSettings.localClient(emulator.endpoint(), config.region());
      CognitoSettings settings = new CognitoSettings(emulator.resource("UserPool"), emulator.resource("UserClient"));
      LocalServer server;
      try {
        String issuer = CognitoSettings.issuer(emulator.endpoint(), settings.userPoolId());
        server = serve(options, cognito, settings, issuer);
      } catch (RuntimeException e) {
        cognito.close();
        emulator.close();
        throw e;
      }
      System.out.println("Cognate emulator: " + emulator.endpoint());
      System.out.println("USER_POOL_ID=" + settings.userPoolId());
      System.out.println("USER_CLIENT_ID=" + settings.clientId());
      System.out.println("Codes: " + emulator.endpoint() + "/_cognate/codes?userPoolId=" + settings.userPoolId()
          + "&username=<username>");
      System.out.println("App listening on http://" + options.host() + ":" + server.port());
      return new Running(server, cognito, emulator);
    }
    CognitoSettings settings = CognitoSettings.fromEnvironment(env);
    CognitoIdentityProviderClient cognito = CognitoSettings.defaultClient();
    String issuer = settings.issuer(cognito);
    LocalServer server = serve(options, cognito, settings, issuer);
    System.out.println("App listening on http://" + options.host() + ":" + server.port() + " (tokens from " + issuer + ")");
    return new Running(server, cognito, null);
  }

  private static LocalServer serve(
      Options options, CognitoIdentityProviderClient cognito, CognitoSettings settings, String issuer) {
    UserApi api = new UserApi(new UserAuthService(cognito, settings.userPoolId(), settings.clientId()));
    PoolKeys keys = new PoolKeys(URI.create(issuer + "/.well-known/jwks.json"), Clock.systemUTC());
    IdTokenAuthorizer authorizer = new IdTokenAuthorizer(issuer, settings.clientId(), keys, Clock.systemUTC());
    try {
      return LocalServer.start(api, authorizer, options.host(), options.port());
    } catch (RuntimeException e) {
      throw new CannotStart("serve the app", options.host(), options.port(), e);
    }
  }
}
