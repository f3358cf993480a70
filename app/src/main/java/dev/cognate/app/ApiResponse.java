package dev.cognate.app;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers, before it is written as an HTTP response or an API Gateway proxy response. */
public record ApiResponse(int status, Map<String, String> body) {

  /** A body of string members in the order given: {@code of(200, "message", "...", "token", "...")}. */
  public static ApiResponse of(int status, String... namesAndValues) {
    Map<String, String> body = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new ApiResponse(status, java.util.Collections.unmodifiableMap(body));
  }

  /** CORS headers as the original `cors: true` functions send them, on every answer. */
  public static final Map<String, String> HEADERS =
      Map.of(
          "Content-Type", "application/json",
          "Access-Control-Allow-Origin", "*",
          "Access-Control-Allow-Credentials", "true");
}
