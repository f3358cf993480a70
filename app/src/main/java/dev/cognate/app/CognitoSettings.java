package dev.cognate.app;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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
   * A client for an emulator on this machine, which takes any credentials: the app's own, so the local runner needs
   * nothing of the emulator's test helpers.
   */
  public static CognitoIdentityProviderClient localClient(URI endpoint, String region) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /**
   * The {@code iss} of the pool's tokens: the Cognito endpoint the SDK client talks to, plus the pool id. The SDK
   * resolves that endpoint from all its standard settings (environment, system properties, config file); an
   * emulator issues tokens under the URL it was called at, real Cognito under its regional endpoint.
   */
  public String issuer(CognitoIdentityProviderClient cognito) {
    return cognito
        .serviceClientConfiguration()
        .endpointOverride()
        .map(endpoint -> issuer(endpoint, userPoolId))
        .orElseGet(
            () -> "https://cognito-idp." + cognito.serviceClientConfiguration().region().id() + ".amazonaws.com/"
                + userPoolId);
  }

  public static String issuer(URI endpoint, String userPoolId) {
    String url = endpoint.toString();
    return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/" + userPoolId;
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: it must name the Cognito user pool and app client to use");
    }
    return value.strip();
  }
}
