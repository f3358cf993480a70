package dev.cognate.dev;

import dev.cognate.Outbox;
import dev.cognate.domain.SentCode;
import dev.cognate.protocol.AwsJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cognate's own routes under {@code /_cognate}, kept apart from the emulated API: health and the outbox. */
public final class DevRoutes {
  private final Outbox outbox;
  private final AwsJson json;

  public DevRoutes(Outbox outbox, AwsJson json) {
    this.outbox = outbox;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.get("/_cognate/health", ctx -> respond(ctx, 200, Map.of("status", "ok")));
    routes.get("/_cognate/codes", this::codes);
  }

  private void codes(Context ctx) {
    String poolId = ctx.queryParam("userPoolId");
    String username = ctx.queryParam("username");
    if (poolId == null || username == null) {
      respond(ctx, 400, Map.of("message", "userPoolId and username are required"));
      return;
    }
    List<Map<String, Object>> codes = outbox.codes(poolId, username).stream().map(DevRoutes::describe).toList();
    respond(ctx, 200, Map.of("codes", codes));
  }

  private static Map<String, Object> describe(SentCode code) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("userPoolId", code.userPoolId());
    described.put("username", code.username());
    described.put("code", code.code());
    described.put("purpose", code.purpose().name());
    described.put("deliveryMedium", code.deliveryMedium());
    described.put("destination", code.destination());
    described.put("createdAt", code.createdAt().toString());
    return described;
  }

  private void respond(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(json.write(body));
  }
}
