package dev.cognate.app.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.app.ApiResponse;
import dev.cognate.app.IdTokenAuthorizer;
import dev.cognate.app.UserApi;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URL;
import io.javalin.http.HttpResponseException;

/** The app's routes over HTTP on a laptop, with the Cognito authorizer in front of {@code /user/hello}. */
public final class LocalServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  // What API Gateway's `cors: true` answers to a preflight.
  private static final String ALLOWED_HEADERS =
      "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent";
  // API Gateway's REST API payload limit; it refuses a longer body itself, before any function runs.
  static final long MAX_BODY_BYTES = 10L * 1024 * 1024;
  private static final ApiResponse MISSING_AUTHENTICATION_TOKEN =
      ApiResponse.of(403, "message", "Missing Authentication Token");
  private static final ApiResponse REQUEST_TOO_LONG = ApiResponse.of(413, "message", "Request Too Long");

  /** The stack's SAM template, which the build copies next to this class: {@code --with-emulator} provisions it. */
  public static final URL TEMPLATE = LocalServer.class.getResource("template.yaml");

  private final Javalin javalin;

  private LocalServer(Javalin javalin) {
    this.javalin = javalin;
  }

  public static LocalServer start(UserApi api, IdTokenAuthorizer authorizer, String host, int port) {
    Javalin javalin =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              c.startup.startupWatcherEnabled = false;
              c.jetty.modifyServer(server -> server.setStopTimeout(0));
              c.http.maxRequestSize = MAX_BODY_BYTES;
              c.routes.post("/user/signup", ctx -> write(ctx, api.signup(ctx.body())));
              c.routes.post("/user/verification", ctx -> write(ctx, api.verification(ctx.body())));
              c.routes.post("/user/login", ctx -> write(ctx, api.login(ctx.body())));
              c.routes.get(
                  "/user/hello",
                  ctx -> {
                    IdTokenAuthorizer.Decision decision = authorizer.authorize(ctx.header("Authorization"));
                    write(ctx, decision.claims().map(api::hello).orElse(decision.refusal()));
                  });
              c.routes.options("/user/*", LocalServer::preflight);
              c.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, gatewayAnswer(e)));
            });
    javalin.start(host, port);
    return new LocalServer(javalin);
  }

  /**
   * What API Gateway answers for requests no function gets: a route or method the API lacks is its 403 "Missing
   * Authentication Token", a body over the limit its 413; never Javalin's text pages.
   */
  private static ApiResponse gatewayAnswer(HttpResponseException e) {
    if (e.getStatus() == 413) {
      return REQUEST_TOO_LONG;
    }
    if (e.getStatus() == 404 || e.getStatus() == 405) {
      return MISSING_AUTHENTICATION_TOKEN;
    }
    return ApiResponse.of(e.getStatus(), "message", e.getMessage());
  }

  private static void preflight(Context ctx) {
    ApiResponse.HEADERS.forEach(ctx::header);
    ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    ctx.header("Access-Control-Allow-Methods", "OPTIONS,GET,POST");
    ctx.status(204);
  }

  private static void write(Context ctx, ApiResponse response) {
    ApiResponse.HEADERS.forEach(ctx::header);
    try {
      ctx.status(response.status()).result(JSON.writeValueAsString(response.body()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response body of strings and numbers could not be written", e);
    }
  }

  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
