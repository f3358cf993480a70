package dev.cognate.support;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** Starts emulators and real AWS SDK clients pointed at them, the way users will. */
public final class TestEmulator {
  private TestEmulator() {}

  /** An in-memory emulator on a free loopback port. */
  public static Cognate start() {
    return Cognate.start(CognateConfig.forTests().build());
  }

  public static Cognate start(CognateConfig.Builder config) {
    return Cognate.start(config.build());
  }

  /** A real SDK v2 client; retries are off so every request in a test is exactly one HTTP call. */
  public static CognitoIdentityProviderClient client(URI endpoint) {
    return client(endpoint, Region.US_EAST_1);
  }

  public static CognitoIdentityProviderClient client(URI endpoint, Region region) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  public static CognitoIdentityProviderClient client(Cognate cognate) {
    return client(cognate.endpoint());
  }
}
