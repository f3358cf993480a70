package dev.cognate.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** SDK clients pointed at an emulator. */
public final class CognitoClients {
  private CognitoClients() {}

  /**
   * A client for a Cognate endpoint: any credentials do, and the URL-connection HTTP client starts fastest. The
   * SDK's default retries stay on, as in production code.
   */
  public static CognitoIdentityProviderClient forEndpoint(URI endpoint, String region) {
    return forEndpoint(endpoint, region, "cognate", "cognate");
  }

  /** A client that signs with this key pair, for an emulator in strict mode ({@code --credentials}). */
  public static CognitoIdentityProviderClient forEndpoint(
      URI endpoint, String region, String accessKeyId, String secretAccessKey) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
