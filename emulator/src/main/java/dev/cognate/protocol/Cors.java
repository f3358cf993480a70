package dev.cognate.protocol;

import io.javalin.http.Context;

/** CORS for browser SDKs (Amplify, the JS SDK): any origin may call, and may read the AWS response headers. */
final class Cors {
  private static final String ALLOWED_HEADERS =
      "Content-Type, X-Amz-Target, X-Amz-User-Agent, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256,"
          + " Authorization, Amz-Sdk-Invocation-Id, Amz-Sdk-Request, Cache-Control";
  private static final String EXPOSED_HEADERS =
      "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date";

  private Cors() {}

  static void addHeaders(Context ctx) {
    String origin = ctx.header("Origin");
    ctx.header("Access-Control-Allow-Origin", origin == null ? "*" : origin);
    ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    if (origin != null) {
      ctx.header("Vary", "Origin");
    }
  }

  static void preflight(Context ctx) {
    String requested = ctx.header("Access-Control-Request-Headers");
    ctx.header("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
    ctx.header("Access-Control-Allow-Headers", requested == null || requested.isBlank() ? ALLOWED_HEADERS : requested);
    ctx.header("Access-Control-Max-Age", "86400");
    ctx.status(200);
  }
}
