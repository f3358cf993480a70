package dev.cognate.app.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.app.ApiResponse;
import dev.cognate.app.IdTokenAuthorizer;
import dev.cognate.app.UserApi;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpStatus;

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
  private static final List<String> ROUTES = List.of("/user/signup", "/user/verification", "/user/login", "/user/hello");

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
              c.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(0);
                    server.setErrorHandler(new GatewayErrors());
                  });
              c.http.maxRequestSize = MAX_BODY_BYTES;
              c.routes.before(LocalServer::refuseAnnouncedTooLong);
              c.routes.post("/user/signup", ctx -> write(ctx, api.signup(body(ctx))));
              c.routes.post("/user/verification", ctx -> write(ctx, api.verification(body(ctx))));
              c.routes.post("/user/login", ctx -> write(ctx, api.login(body(ctx))));
              c.routes.get(
                  "/user/hello",
                  ctx -> {
                    IdTokenAuthorizer.Decision decision = authorizer.authorize(ctx.header("Authorization"));
                    write(ctx, decision.claims().map(api::hello).orElse(decision.refusal()));
                  });
              ROUTES.forEach(path -> c.routes.options(path, LocalServer::preflight));
              // The API has no HEAD methods; without this Javalin answers a HEAD for a GET route 200 unseen.
              c.routes.head("*", ctx -> write(ctx, MISSING_AUTHENTICATION_TOKEN));
              c.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, gatewayAnswer(e.getStatus())));
            });
    javalin.start(host, port);
    return new LocalServer(javalin);
  }

  /**
   * What API Gateway answers for requests no function gets: a route or method the API lacks is its 403 "Missing
   * Authentication Token", a body over the limit its 413, anything else the HTTP layer refuses its status and standard
   * reason; never Javalin's text or Jetty's HTML pages.
   */
  static ApiResponse gatewayAnswer(int status) {
    if (status == 413) {
      return REQUEST_TOO_LONG;
    }
    if (status == 404 || status == 405) {
      return MISSING_AUTHENTICATION_TOKEN;
    }
    return ApiResponse.of(status, "message", HttpStatus.getMessage(status));
  }

  /**
   * API Gateway refuses a body on its announced length alone; Javalin would first wait for all of it. The answer goes
   * out at once, then what the client still sends is read and dropped: a client that writes its whole body before
   * reading (the JDK's HttpClient does) would otherwise see the connection reset instead of the 413.
   */
  private static void refuseAnnouncedTooLong(Context ctx) throws IOException {
    if (ctx.contentLength() <= MAX_BODY_BYTES) {
      return;
    }
    ctx.skipRemainingHandlers();
    byte[] answer = json(REQUEST_TOO_LONG);
    HttpServletResponse response = ctx.res();
    response.setStatus(REQUEST_TOO_LONG.status());
    ApiResponse.HEADERS.forEach(response::setHeader);
    response.setContentLength(answer.length);
    response.getOutputStream().write(answer);
    response.flushBuffer();
    try (InputStream body = ctx.req().getInputStream()) {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException clientGone) {
      // The client stopped sending or went away; it has its answer either way.
    }
  }

  /**
   * The body as API Gateway hands it to a function: UTF-8 whatever charset the request names (an unknown one would
   * otherwise fail the request). A body that cannot be read is the client's fault, answered like any refusal:
   * Javalin itself would answer a stall past the idle timeout with an empty 408 and a body cut short with a text 500.
   */
  private static String body(Context ctx) throws Exception {
    try {
      return new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      if (e instanceof IOException) {
        throw new HttpResponseException(timedOut(e) ? 408 : 400, e.getMessage());
      }
      throw e;
    }
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static void preflight(Context ctx) {
    ApiResponse.HEADERS.forEach(ctx::header);
    ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    ctx.header("Access-Control-Allow-Methods", "OPTIONS,GET,POST");
    ctx.status(204);
  }

  private static void write(Context ctx, ApiResponse response) {
    ApiResponse.HEADERS.forEach(ctx::header);
    ctx.status(response.status()).result(json(response));
  }

  static byte[] json(ApiResponse response) {
    try {
      return JSON.writeValueAsBytes(response.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a response body of strings could not be written", e);
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
