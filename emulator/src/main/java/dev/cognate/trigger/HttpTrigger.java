package dev.cognate.trigger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Trigger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A trigger behind a URL, for the standalone emulator: the event is POSTed as JSON, and a 2xx answer's JSON body is
 * the returned event. Another status is the function failing; its {@code errorMessage} (Lambda's error shape), or
 * else the status, is the message of the refusal.
 */
public final class HttpTrigger implements Trigger {
  // Cognito waits five seconds for a synchronous trigger.
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private final URI url;

  public HttpTrigger(URI url) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("a trigger URL must be http or https, was " + url);
    }
    this.url = url;
  }

  @Override
  public Map<String, Object> handle(Map<String, Object> event) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(event)))
            .build();
    HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(errorMessage(response));
    }
    try {
      return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException notAnObject) {
      throw new InvalidResponse();
    }
  }

  private static String errorMessage(HttpResponse<byte[]> response) {
    try {
      Object message = JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {}).get("errorMessage");
      if (message != null) {
        return message.toString();
      }
    } catch (IOException notJson) {
      // The status names the failure instead.
    }
    return "HTTP " + response.statusCode();
  }

  /** A 2xx answer whose body is no JSON object: Cognito's unrecognizable output. */
  static final class InvalidResponse extends RuntimeException {
    InvalidResponse() {
      super("Unrecognizable lambda output");
    }
  }

  @Override
  public String toString() {
    return url.toString();
  }
}
