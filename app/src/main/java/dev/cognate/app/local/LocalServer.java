package dev.cognate.app.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.app.ApiResponse;
import dev.cognate.app.IdTokenAuthorizer;
import dev.cognate.app.UserApi;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** The app's routes over HTTP on a laptop, with the Cognito authorizer in front of {@code /user/hello}. */
public final class LocalServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  // What API Gateway's `cors: true` answers to a preflight.
  private static final String ALLOWED_HEADERS =
      "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent";

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
            });
    javalin.start(host, port);
    return new LocalServer(javalin);
  }

  private static void preflight(Context ctx) {
    ApiResponse.HEADERS.forEach(ctx::header);
    ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    ctx.header("Access-Control-Allow-Methods", "OPTIONS,GET,POST");
    ctx.status(204);
  }

  private static void write(Context ctx, ApiResponse response) throws JsonProcessingException {
    ApiResponse.HEADERS.forEach(ctx::header);
    ctx.status(response.status()).result(JSON.writeValueAsString(response.body()));
  }

  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
