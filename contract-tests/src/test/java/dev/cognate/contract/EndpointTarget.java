package dev.cognate.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.testing.CognitoClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Any running Cognito-compatible endpoint ({@code -Dcognate.endpoint=http://...}). Without one, the suite starts a
 * standalone Cognate process of its own and stops it at the end. Codes are readable when the endpoint is Cognate.
 */
final class EndpointTarget extends Target {
  private static final String REGION = "us-east-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final Optional<Process> process;
  private final CognitoIdentityProviderClient cognito;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Set<Capability> capabilities;

  private EndpointTarget(URI endpoint, Optional<Process> process) {
    this.endpoint = endpoint;
    this.process = process;
    this.cognito = CognitoClients.forEndpoint(endpoint, REGION);
    this.capabilities = isCognate() ? EnumSet.of(Capability.READ_CODES) : EnumSet.noneOf(Capability.class);
  }

  static EndpointTarget at(URI endpoint) {
    return new EndpointTarget(endpoint, Optional.empty());
  }

  /** A standalone emulator in its own JVM, from this test's class path, on a free loopback port. */
  static EndpointTarget standalone() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), "dev.cognate.cli.Main", "--port", "0", "--in-memory")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      if (line.startsWith("Cognate listening on ")) {
        return new EndpointTarget(URI.create(line.substring("Cognate listening on ".length()).trim()), Optional.of(process));
      }
    }
    process.destroyForcibly();
    throw new IOException("the standalone emulator did not start");
  }

  private boolean isCognate() {
    try {
      return get("/_cognate/health").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(endpoint.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public String name() {
    return "endpoint";
  }

  @Override
  public CognitoIdentityProviderClient cognito() {
    return cognito;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public Optional<URI> endpoint() {
    return Optional.of(endpoint);
  }

  @Override
  public String region() {
    return REGION;
  }

  @Override
  public Optional<String> lastCode(String userPoolId, String username) {
    try {
      HttpResponse<String> response =
          get("/_cognate/codes?userPoolId=" + encode(userPoolId) + "&username=" + encode(username));
      JsonNode codes = JSON.readTree(response.body()).path("codes");
      return codes.isEmpty() ? Optional.empty() : Optional.of(codes.get(codes.size() - 1).path("code").asText());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read codes from " + endpoint, e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      super.close();
      cognito.close();
    } finally {
      process.ifPresent(Process::destroy);
    }
  }
}
