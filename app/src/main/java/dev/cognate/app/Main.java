package dev.cognate.app;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.app.local.LocalServer;
import dev.cognate.testing.CognitoClients;
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
    if (List.of(args).contains("--help")) {
      System.out.print(USAGE);
      return;
    }
    Options options;
    try {
      options = Options.parse(List.of(args), System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("cognate-app: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(start(options)::close, "cognate-app-shutdown"));
    } catch (IllegalStateException e) {
      System.err.println("cognate-app: " + e.getMessage());
      System.exit(2);
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
      Cognate emulator = Cognate.start(CognateConfig.builder().port(options.emulatorPort()).inMemory().build());
      CognitoIdentityProviderClient cognito = emulatorClient(emulator.endpoint());
      CognitoSettings settings = OriginalStack.create(cognito);
      String issuer = CognitoSettings.issuer(emulator.endpoint(), settings.userPoolId());
      LocalServer server = serve(options, cognito, settings, issuer);
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
    return LocalServer.start(api, authorizer, options.host(), options.port());
  }

  /** A client for the in-process emulator, which accepts any credentials. */
  static CognitoIdentityProviderClient emulatorClient(URI endpoint) {
    return CognitoClients.forEndpoint(endpoint, CognateConfig.DEFAULT_REGION);
  }
}
