package dev.cognate.protocol;

import dev.cognate.CognateConfig;
import dev.cognate.Engine;
import dev.cognate.dev.DevRoutes;
import dev.cognate.error.CognitoException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin server: Cognito's wire protocol on {@code POST /}, the well-known documents, and {@code /_cognate}. */
public final class HttpServer implements AutoCloseable {
  private static final Logger REQUESTS = LoggerFactory.getLogger("cognate.requests");
  private static final String STARTED_ATTRIBUTE = "cognate.started";

  private final Javalin javalin;

  private HttpServer(Javalin javalin) {
    this.javalin = javalin;
  }

  public static HttpServer start(Engine engine, CognateConfig config) {
    AwsJson json = new AwsJson();
    AwsErrors errors = new AwsErrors(json);
    AwsJsonEndpoint endpoint = new AwsJsonEndpoint(engine.operations(), json, config);
    DevRoutes dev = new DevRoutes(engine.outbox(), json);
    Javalin javalin =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              c.startup.startupWatcherEnabled = false;
              // Stopping must not wait for idle keep-alive connections: tests start and stop emulators often.
              c.jetty.modifyServer(server -> server.setStopTimeout(0));
              c.routes.before(ctx -> {
                ctx.attribute(STARTED_ATTRIBUTE, System.nanoTime());
                ctx.header("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
                Cors.addHeaders(ctx);
              });
              c.routes.options("/", Cors::preflight);
              c.routes.options("/*", Cors::preflight);
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
              c.routes.exception(Exception.class, (e, ctx) -> errors.writeUnexpected(ctx, e));
              c.routes.after(HttpServer::logRequest);
            });
    javalin.start(config.host(), config.port());
    return new HttpServer(javalin);
  }

  private static void document(Context ctx, AwsJson json, Optional<Map<String, Object>> document) {
    if (document.isEmpty()) {
      ctx.status(404).contentType("application/json").result("{\"message\":\"Not Found\"}");
      return;
    }
    ctx.status(200).contentType("application/json").result(json.write(document.get()));
  }

  /** One line a request: operation, status or error code, milliseconds. */
  private static void logRequest(Context ctx) {
    if (!"POST".equals(ctx.method().name())) {
      return;
    }
    Object operation = ctx.attribute(AwsJsonEndpoint.OPERATION_ATTRIBUTE);
    Object errorCode = ctx.attribute(AwsErrors.ERROR_CODE_ATTRIBUTE);
    Long started = ctx.attribute(STARTED_ATTRIBUTE);
    long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
    REQUESTS.info(
        "{} {} {}ms",
        operation == null ? "-" : operation,
        errorCode == null ? ctx.status().getCode() : errorCode,
        millis);
  }

  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
