package dev.cognate.dev;

import dev.cognate.CognateConfig;
import dev.cognate.Engine;
import dev.cognate.Outbox;
import dev.cognate.TotpCodes;
import dev.cognate.domain.SentCode;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.protocol.AwsJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cognate's own routes under {@code /_cognate}, kept apart from the emulated API: health, the outbox,
 * authenticator codes, and the clock, reset and state export and import ({@link StateRoutes}). They are for the
 * test code on this machine, never for a web page: they carry no CORS headers, and a request naming a host other
 * than loopback or the configured one is refused, so a page on another site that rebinds its DNS name to 127.0.0.1
 * cannot read codes; a change (reset, import, a clock move) sent by a page from another origin is refused too.
 */
public final class DevRoutes {
  public static final String PREFIX = "/_cognate/";
  private static final String LOOPBACK_IPV4 = "127(\\.\\d{1,3}){3}";

  private final Outbox outbox;
  private final TotpCodes totpCodes;
  private final AwsJson json;
  private final boolean enabled;
  private final Set<String> allowedHosts;
  private final StateRoutes state;

  public DevRoutes(AwsJson json, CognateConfig config, Engine engine) {
    this.state = new StateRoutes(engine, json);
    this.outbox = engine.outbox();
    this.totpCodes = engine.totpCodes();
    this.json = json;
    this.enabled = config.devApi();
    this.allowedHosts = allowedHosts(config);
  }

  /** Whether a path belongs to these routes rather than to the emulated Cognito API. */
  public static boolean owns(String path) {
    return path.startsWith(PREFIX);
  }

  public void register(RoutesConfig routes) {
    routes.before(PREFIX + "*", this::refuseForeignHost);
    routes.before(PREFIX + "*", this::refuseCrossSiteChange);
    routes.get(PREFIX + "health", ctx -> respond(ctx, 200, Map.of("status", "ok")));
    if (enabled) {
      routes.get(PREFIX + "codes", this::codes);
      routes.get(PREFIX + "totp", this::totp);
      state.register(routes);
    } else {
      Handler off =
          ctx -> {
            throw new CognitoException(
                CognitoErrorType.NOT_FOUND,
                ctx.path() + " is turned off (--no-dev-api); only /_cognate/health answers.");
          };
      routes.get(PREFIX + "*", off);
      routes.post(PREFIX + "*", off);
      routes.put(PREFIX + "*", off);
    }
  }

  private void refuseForeignHost(Context ctx) {
    String host = hostName(ctx.header("Host"));
    if (host == null || !(allowedHosts.contains(host) || host.matches(LOOPBACK_IPV4))) {
      throw new CognitoException(
          CognitoErrorType.ACCESS_DENIED,
          "/_cognate answers only requests addressed to localhost, a loopback address or the configured host.");
    }
  }

  /**
   * A page on another site cannot read these routes (no CORS), but a browser still sends it a form post, which needs
   * no preflight: without this a page the developer visits could reset the emulator, import a state with users of
   * its choosing, or move the clock. Browsers name the page's origin on every such request; other clients name none.
   */
  private void refuseCrossSiteChange(Context ctx) {
    String method = ctx.method().name();
    String origin = ctx.header("Origin");
    if (origin == null || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return;
    }
    String host = originHost(origin);
    if (host == null || !(allowedHosts.contains(host) || host.matches(LOOPBACK_IPV4))) {
      throw new CognitoException(
          CognitoErrorType.ACCESS_DENIED,
          "/_cognate accepts changes only from pages on localhost, a loopback address or the configured host.");
    }
  }

  /** The host of an Origin header as {@link #hostName} gives it; null for {@code null} and anything unreadable. */
  private static String originHost(String origin) {
    try {
      URI uri = new URI(origin.trim());
      return uri.getHost() == null ? null : hostName(uri.getHost());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The host part of a Host header, lower-cased, brackets kept for IPv6; null when there is none. */
  static String hostName(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim().toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? null : value.substring(0, end + 1);
    }
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  private static Set<String> allowedHosts(CognateConfig config) {
    String configured = config.host().contains(":") && !config.host().startsWith("[")
        ? "[" + config.host() + "]"
        : config.host();
    // The issuer names the host clients reach the emulator at, such as a compose service name.
    Optional<String> issuerHost = config.issuer().map(issuer -> URI.create(issuer).getHost());
    return Stream.concat(Stream.of("localhost", "[::1]", configured), issuerHost.stream())
        .map(host -> host.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  private void codes(Context ctx) {
    String poolId = ctx.queryParam("userPoolId");
    String username = ctx.queryParam("username");
    if (poolId == null) {
      throw new CognitoException(CognitoErrorType.BAD_REQUEST, "userPoolId is required.");
    }
    List<SentCode> sent = username == null ? outbox.codes(poolId) : outbox.codes(poolId, username);
    List<Map<String, Object>> codes = sent.stream().map(DevRoutes::describe).toList();
    respond(ctx, 200, Map.of("codes", codes));
  }

  /** The code the user's authenticator would show now; 404 when the user has no authenticator secret. */
  private void totp(Context ctx) {
    String poolId = ctx.queryParam("userPoolId");
    String username = ctx.queryParam("username");
    if (poolId == null || username == null) {
      throw new CognitoException(CognitoErrorType.BAD_REQUEST, "userPoolId and username are required.");
    }
    String code =
        totpCodes
            .current(poolId, username)
            .orElseThrow(
                () -> new CognitoException(CognitoErrorType.NOT_FOUND, username + " has no authenticator secret."));
    respond(ctx, 200, Map.of("code", code));
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
