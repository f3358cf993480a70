package dev.cognate.protocol;

import dev.cognate.CognateConfig;
import dev.cognate.Engine;
import dev.cognate.dev.DevRoutes;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin server: Cognito's wire protocol on {@code POST /}, the well-known documents, and {@code /_cognate}. */
public final class HttpServer implements AutoCloseable {
  private static final Logger REQUESTS = LoggerFactory.getLogger("cognate.requests");
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
  private static final String STARTED_ATTRIBUTE = "cognate.started";
  /**
   * How long a client may take to send its request body once its headers are in. A 1 MiB body needs only 100
   * KiB/s to make it; a client slower than that is cut off with a 408 rather than kept waiting for.
   */
  static final Duration BODY_DEADLINE = Duration.ofSeconds(10);
  private static final int ACCEPT_QUEUE = 1024;

  private final Javalin javalin;

  private HttpServer(Javalin javalin) {
    this.javalin = javalin;
  }

  public static HttpServer start(Engine engine, CognateConfig config) {
    AwsJson json = new AwsJson();
    AwsErrors errors = new AwsErrors(json);
    AwsJsonEndpoint endpoint = new AwsJsonEndpoint(engine.operations(), json, config);
    DevRoutes dev = new DevRoutes(json, config, engine);
    Javalin javalin =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              c.startup.startupWatcherEnabled = false;
              c.jetty.modifyServer(
                  server -> {
                    // Stopping must not wait for idle keep-alive connections: tests start and stop emulators often.
                    server.setStopTimeout(0);
                    server.insertHandler(new BufferedBodyHandler(AwsJsonEndpoint.MAX_BODY_BYTES, BODY_DEADLINE));
                    server.setErrorHandler(new JsonErrorHandler(errors));
                  });
              c.jetty.addConnector((server, http) -> connector(server, http, config));
              c.routes.before(ctx -> {
                ctx.attribute(STARTED_ATTRIBUTE, System.nanoTime());
                ctx.header("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
                if (!DevRoutes.owns(ctx.path())) {
                  Cors.addHeaders(ctx);
                }
                CognitoException bodyFailure = ctx.attribute(BufferedBodyHandler.FAILURE_ATTRIBUTE);
                if (bodyFailure != null) {
                  // The body was refused while it arrived (too large, too slow); a route reading it would find it
                  // empty and complain about its content instead.
                  throw bodyFailure;
                }
              });
              c.routes.options("/*", ctx -> {
                if (DevRoutes.owns(ctx.path())) {
                  throw new CognitoException(
                      CognitoErrorType.ACCESS_DENIED, "Cross-origin requests to /_cognate are not allowed.");
                }
                Cors.preflight(ctx);
              });
              c.routes.options("/", Cors::preflight);
              c.routes.post("/", endpoint::handle);
              c.routes.get(
                  "/{poolId}/.well-known/jwks.json",
                  ctx -> document(ctx, json, engine.wellKnown().jwks(ctx.pathParam("poolId"))));
              c.routes.get(
                  "/{poolId}/.well-known/openid-configuration",
                  ctx -> {
                    String poolId = ctx.pathParam("poolId");
                    String issuer = config.issuer().orElseGet(() -> AwsJsonEndpoint.baseUrl(ctx)) + "/" + poolId;
                    document(ctx, json, engine.wellKnown().openIdConfiguration(poolId, issuer));
                  });
              dev.register(c.routes);
              c.routes.post("/*", endpoint::handle);
              c.routes.exception(CognitoException.class, (e, ctx) -> errors.write(ctx, e));
              c.routes.exception(HttpResponseException.class, (e, ctx) -> errors.write(ctx, javalinError(e, ctx)));
              c.routes.exception(Exception.class, (e, ctx) -> errors.writeUnexpected(ctx, e));
              c.router.javaLangErrorHandler(errors::writeUnexpected);
              c.routes.after(HttpServer::logRequest);
            });
    javalin.start();
    exposureWarning(config).ifPresent(LOG::warn);
    return new HttpServer(javalin);
  }

  /** Javalin's own answers, chiefly its 404 for a path no route matches, as envelope errors. */
  private static CognitoException javalinError(HttpResponseException e, Context ctx) {
    if (e.getStatus() == 404) {
      return new CognitoException(CognitoErrorType.NOT_FOUND, "No route for " + ctx.method() + " " + ctx.path() + ".");
    }
    return new CognitoException(CognitoErrorType.BAD_REQUEST, e.getMessage());
  }

  /**
   * Our own connector, for its accept queue: a burst of connections at start-up (a CI fleet starting at once)
   * must wait in the kernel's queue rather than be refused or have its SYNs dropped. The kernel caps the value at
   * {@code net.core.somaxconn}.
   */
  private static ServerConnector connector(Server server, HttpConfiguration http, CognateConfig config) {
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    return connector;
  }

  /**
   * One warning when the emulator can be reached from other machines while it serves codes and state, or while a
   * seed makes its secrets predictable; the first says the more, since the state holds the seeded values too.
   */
  static Optional<String> exposureWarning(CognateConfig config) {
    if (isLoopback(config.host())) {
      return Optional.empty();
    }
    if (config.devApi()) {
      return Optional.of(
          "Listening on "
              + config.host()
              + ", reachable from the network: anyone who can reach this port can read every confirmation code at"
              + " /_cognate/codes, and read (signing keys included), replace or reset the whole state at"
              + " /_cognate/state and /_cognate/reset. Use --host 127.0.0.1 or --no-dev-api unless that is what you"
              + " want.");
    }
    if (config.randomSeed().isPresent()) {
      return Optional.of(
          "Listening on "
              + config.host()
              + " with --random-seed, reachable from the network: codes, temporary passwords, refresh tokens and"
              + " client secrets follow from the seed, so anyone who knows it can predict them. Seeds are for tests;"
              + " use --host 127.0.0.1 unless that is what you want.");
    }
    return Optional.empty();
  }

  static boolean isLoopback(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return bare.equalsIgnoreCase("localhost") || bare.matches("127(\\.\\d{1,3}){3}") || bare.equals("::1");
  }

  private static void document(Context ctx, AwsJson json, Optional<Map<String, Object>> document) {
    if (document.isEmpty()) {
      throw new CognitoException(CognitoErrorType.NOT_FOUND, "No such user pool.");
    }
    ctx.status(200).contentType("application/json").result(json.write(document.get()));
  }

  /**
   * One line a request: what was asked (the operation of an API call, else method and path, never the query string,
   * which may name a user), status or error code, milliseconds.
   */
  private static void logRequest(Context ctx) {
    Object operation = ctx.attribute(AwsJsonEndpoint.OPERATION_ATTRIBUTE);
    Object errorCode = ctx.attribute(AwsErrors.ERROR_CODE_ATTRIBUTE);
    Long started = ctx.attribute(STARTED_ATTRIBUTE);
    long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
    REQUESTS.info(
        "{} {} {}ms",
        operation != null ? operation : apiCall(ctx) ? "-" : ctx.method().name() + " " + ctx.path(),
        errorCode == null ? ctx.status().getCode() : errorCode,
        millis);
  }

  /** A POST outside {@code /_cognate/} is an API call, named by its operation or {@code -} when it names none. */
  private static boolean apiCall(Context ctx) {
    return "POST".equals(ctx.method().name()) && !DevRoutes.owns(ctx.path());
  }

  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
