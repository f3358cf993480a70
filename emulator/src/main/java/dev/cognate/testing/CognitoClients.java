package dev.cognate.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** SDK clients pointed at an emulator. */
public final class CognitoClients {
  private CognitoClients() {}

  /**
   * A client for a Cognate endpoint: any credentials do, and the URL-connection HTTP client starts fastest. It sends
   * each call once: the SDK's default retries would send a call that failed with a 500 again, and a test would see
   * the retry's answer instead of the emulator's failure.
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
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
