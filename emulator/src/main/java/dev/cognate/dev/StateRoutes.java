package dev.cognate.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.EmulatorClock;
import dev.cognate.Engine;
import dev.cognate.ResetTo;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.protocol.AwsJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code /_cognate} routes that control state, for tests driving the emulator over HTTP: the clock, reset, and
 * export and import of the whole state. Registered by {@link DevRoutes}, behind its host check and switch.
 */
final class StateRoutes {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  // An exported user takes a few kilobytes; the server's 1 MB limit on request bodies would stop at a few hundred.
  private static final int MAX_STATE_BYTES = 64 * 1024 * 1024;

  private final Engine engine;
  private final AwsJson json;

  StateRoutes(Engine engine, AwsJson json) {
    this.engine = engine;
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.get(DevRoutes.PREFIX + "clock", ctx -> respond(ctx, clockNow()));
    routes.post(DevRoutes.PREFIX + "clock", this::moveClock);
    routes.post(DevRoutes.PREFIX + "reset", this::reset);
    routes.get(DevRoutes.PREFIX + "state", this::export);
    routes.put(DevRoutes.PREFIX + "state", ctx -> importState(ctx, largeBody(ctx)));
    routes.post(DevRoutes.PREFIX + "state", ctx -> importState(ctx, ctx.body()));
  }

  private Map<String, Object> clockNow() {
    EmulatorClock clock = engine.clock();
    Instant now = clock.instant();
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("now", now.toString());
    described.put("epochSeconds", now.getEpochSecond());
    described.put("offsetSeconds", clock.offset().toSeconds());
    return described;
  }

  /** {@code {"advanceSeconds": 3600}}, {@code {"advance": "PT1H"}} or {@code {"set": "2030-01-01T00:00:00Z"}}. */
  private void moveClock(Context ctx) {
    JsonNode body = body(ctx);
    int given = (body.has("advanceSeconds") ? 1 : 0) + (body.has("advance") ? 1 : 0) + (body.has("set") ? 1 : 0);
    if (given != 1) {
      throw badRequest("Give exactly one of advanceSeconds (a number), advance (an ISO-8601 duration such as PT1H)"
          + " or set (an instant such as 2030-01-01T00:00:00Z).");
    }
    EmulatorClock clock = engine.clock();
    try {
      if (body.has("advanceSeconds")) {
        if (!body.get("advanceSeconds").canConvertToLong() || !body.get("advanceSeconds").isIntegralNumber()) {
          throw badRequest("advanceSeconds must be a whole number of seconds.");
        }
        clock.advance(Duration.ofSeconds(body.get("advanceSeconds").asLong()));
      } else if (body.has("advance")) {
        clock.advance(Duration.parse(text(body, "advance")));
      } else {
        clock.set(Instant.parse(text(body, "set")));
      }
    } catch (DateTimeParseException e) {
      throw badRequest("Cannot read " + e.getParsedString() + " as "
          + (body.has("set") ? "an instant such as 2030-01-01T00:00:00Z." : "a duration such as PT1H or PT90S."));
    } catch (IllegalArgumentException e) {
      throw badRequest(e.getMessage());
    }
    respond(ctx, clockNow());
  }

  /**
   * Everything, or with {@code ?userPoolId=} one pool, back to what the templates and seed files describe, or with
   * {@code ?empty=true} to nothing.
   */
  private void reset(Context ctx) {
    String poolId = ctx.queryParam("userPoolId");
    ResetTo to = switchParam(ctx, "empty") ? ResetTo.EMPTY : ResetTo.PROVISIONED;
    if (poolId == null) {
      engine.reset(to);
      respond(ctx, Map.of("reset", "all"));
    } else if (engine.reset(poolId, to)) {
      respond(ctx, Map.of("reset", poolId));
    } else {
      throw new CognitoException(CognitoErrorType.NOT_FOUND, "There is no user pool " + poolId + ".");
    }
  }

  /** The whole state; signing keys with {@code ?keys=true}. */
  private void export(Context ctx) {
    boolean withKeys = switchParam(ctx, "keys");
    ctx.status(200).contentType("application/json").result(engine.exportState(withKeys));
  }

  private void importState(Context ctx, String body) {
    try {
      engine.importState(body);
    } catch (IllegalArgumentException e) {
      throw badRequest("The state was not imported, and nothing changed: " + e.getMessage() + ".");
    }
    respond(ctx, Map.of("imported", true));
  }

  /**
   * A PUT body read past the server's usual limit: POST bodies are read ahead of the routes, with that limit, but
   * other bodies reach them unread, and these routes answer loopback clients only.
   */
  private static String largeBody(Context ctx) throws IOException {
    byte[] bytes = ctx.req().getInputStream().readNBytes(MAX_STATE_BYTES + 1);
    if (bytes.length > MAX_STATE_BYTES) {
      throw badRequest("The state is larger than 64 MiB; import it through the Java API (Cognate.importState).");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * A query switch, false when absent. Any other value than true or false is refused: read as false, {@code
   * ?empty=1} would bring the templates back instead of emptying, and {@code ?keys=yes} would export without keys.
   */
  private static boolean switchParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw badRequest(name + " must be true or false.");
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode body = MAPPER.readTree(ctx.bodyAsBytes());
      if (body == null || !body.isObject()) {
        throw badRequest("The body must be a JSON object.");
      }
      return body;
    } catch (IOException e) {
      throw badRequest("The body is not JSON.");
    }
  }

  private static String text(JsonNode body, String member) {
    if (!body.get(member).isTextual()) {
      throw badRequest(member + " must be a string.");
    }
    return body.get(member).asText();
  }

  private static CognitoException badRequest(String message) {
    return new CognitoException(CognitoErrorType.BAD_REQUEST, message);
  }

  private void respond(Context ctx, Object body) {
    ctx.status(200).contentType("application/json").result(json.write(body));
  }
}
