package dev.cognate.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw HTTP to the emulator, for what the SDK does not cover: its own routes and the wire protocol. */
public final class Http {
  // HTTP/1.1 only, so that no request carries an h2c upgrade the protocol tests did not ask for.
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  public static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build());
  }

  public static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return get(URI.create(url));
  }

  /** POST / with an operation's {@code X-Amz-Target} and a body, unsigned, as a hand-written client sends it. */
  public static HttpResponse<String> operation(URI endpoint, String operation, byte[] body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(endpoint.resolve("/"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** GET /_cognate/codes without a username: the outbox's codes for every user of a pool. */
  public static HttpResponse<String> codes(URI endpoint, String poolId) throws IOException, InterruptedException {
    return get(endpoint.resolve("/_cognate/codes?userPoolId=" + URLEncoder.encode(poolId, StandardCharsets.UTF_8)));
  }

  /** GET /_cognate/codes: the outbox's codes for a user, by username or e-mail. */
  public static HttpResponse<String> codes(URI endpoint, String poolId, String username)
      throws IOException, InterruptedException {
    return get(
        endpoint.resolve(
            "/_cognate/codes?userPoolId="
                + URLEncoder.encode(poolId, StandardCharsets.UTF_8)
                + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)));
  }
}
