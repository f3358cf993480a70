package dev.cognate.app;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Where the app's user pool lives, from the environment: {@code USER_POOL_ID} and {@code USER_CLIENT_ID}; region,
 * credentials and endpoint come from the SDK's own standard settings ({@code AWS_REGION}, the default credential
 * chain, {@code AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER} / {@code AWS_ENDPOINT_URL}), so nothing AWS-specific is
 * hard-coded.
 */
public record CognitoSettings(String userPoolId, String clientId) {

  public static CognitoSettings fromEnvironment(Map<String, String> env) {
    return new CognitoSettings(required(env, "USER_POOL_ID"), required(env, "USER_CLIENT_ID"));
  }

  /** The client the SDK configures from the environment, with the HTTP client that starts fastest. */
  public static CognitoIdentityProviderClient defaultClient() {
    return CognitoIdentityProviderClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }

  /**
   * The {@code iss} of the pool's tokens: the Cognito endpoint the SDK talks to, plus the pool id. An emulator
   * issues tokens under the URL it was called at, real Cognito under its regional endpoint.
   */
  public String issuer(Region region, Map<String, String> env, Function<String, String> systemProperties) {
    Optional<String> override =
        first(
            systemProperties.apply("aws.endpointUrlCognitoIdentityProvider"),
            env.get("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"),
            systemProperties.apply("aws.endpointUrl"),
            env.get("AWS_ENDPOINT_URL"));
    String base = override.orElse("https://cognito-idp." + region.id() + ".amazonaws.com");
    return stripSlash(base) + "/" + userPoolId;
  }

  public static String issuer(URI endpoint, String userPoolId) {
    return stripSlash(endpoint.toString()) + "/" + userPoolId;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Optional<String> first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return Optional.of(value.strip());
      }
    }
    return Optional.empty();
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: it must name the Cognito user pool and app client to use");
    }
    return value.strip();
  }
}
