package dev.cognate.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Raw AWS JSON 1.1 calls over one keep-alive connection: the bytes any SDK would send, without an SDK's own cost in
 * the measurement. Admin operations carry a SigV4-shaped Authorization header (peers such as moto read the region
 * from it; nobody here checks the signature).
 */
final class CognitoApi implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> ADMIN_HEADERS = Map.of(
      "Content-Type", "application/x-amz-json-1.1",
      "X-Amz-Date", "20260101T000000Z",
      "Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/cognito-idp/aws4_request, "
          + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64));

  private static final Map<String, Map<String, String>> HEADERS = new ConcurrentHashMap<>();

  private final HttpConnection connection;

  CognitoApi(URI endpoint) {
    this.connection = new HttpConnection(endpoint.getHost(), endpoint.getPort());
  }

  /** A failed call: the status and the AWS error type and message, or the I/O failure. */
  static final class CallFailed extends RuntimeException {
    CallFailed(String message) {
      super(message, null, false, false);
    }
  }

  /** Sends {@code operation} and answers its JSON, or throws {@link CallFailed}. */
  JsonNode call(String operation, Object request) {
    return parse(operation, send(operation, request));
  }

  /** Sends {@code operation}; a non-2xx answer throws {@link CallFailed} without parsing the body on success. */
  void fire(String operation, Object request) {
    HttpConnection.Response response = send(operation, request);
    if (response.status() / 100 != 2) {
      throw failure(operation, response);
    }
  }

  HttpConnection.Response get(String path) {
    try {
      return connection.send("GET", path, Map.of(), new byte[0]);
    } catch (IOException e) {
      throw new CallFailed("GET " + path + ": " + e);
    }
  }

  private HttpConnection.Response send(String operation, Object request) {
    try {
      byte[] body = JSON.writeValueAsBytes(request);
      return connection.send("POST", "/", HEADERS.computeIfAbsent(operation, CognitoApi::headers), body);
    } catch (IOException e) {
      throw new CallFailed(operation + ": " + e);
    }
  }

  private static Map<String, String> headers(String operation) {
    Map<String, String> headers = new LinkedHashMap<>(ADMIN_HEADERS);
    headers.put("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
    // Only administrative operations are signed on AWS; user operations go out unsigned, as from a browser.
    if (!operation.startsWith("Admin") && !operation.startsWith("Create")) {
      headers.remove("Authorization");
      headers.remove("X-Amz-Date");
    }
    return Map.copyOf(headers);
  }

  private static JsonNode parse(String operation, HttpConnection.Response response) {
    if (response.status() / 100 != 2) {
      throw failure(operation, response);
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CallFailed failure(String operation, HttpConnection.Response response) {
    String text = response.text();
    try {
      JsonNode error = JSON.readTree(text);
      String type = error.path("__type").asText("");
      String message = error.has("message") ? error.path("message").asText() : error.path("Message").asText("");
      return new CallFailed(operation + " answered " + response.status() + " " + type.replaceAll(".*#", "")
          + (message.isEmpty() ? "" : ": " + message));
    } catch (IOException | RuntimeException notJson) {
      return new CallFailed(operation + " answered " + response.status() + " "
          + text.substring(0, Math.min(120, text.length())).replaceAll("\\s+", " "));
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
