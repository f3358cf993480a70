package dev.cognate.contract;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Real Amazon Cognito, with the default credential chain and region. The suite creates its own temporary pools and
 * deletes them at the end; it never touches anything else in the account.
 */
final class AwsTarget extends Target {
  private final CognitoIdentityProviderClient cognito;
  private final Region region;

  private AwsTarget(CognitoIdentityProviderClient cognito, Region region) {
    this.cognito = cognito;
    this.region = region;
  }

  /** Real Cognito with the default region and credential chains. */
  static AwsTarget resolve() {
    return resolve(DefaultAwsRegionProviderChain.builder().build(), DefaultCredentialsProvider.builder().build());
  }

  /**
   * Real Cognito, or an {@link IllegalStateException} saying what is missing: the run named this target, so a
   * machine that cannot reach it fails the run rather than skipping every case and passing.
   */
  static AwsTarget resolve(AwsRegionProvider regions, AwsCredentialsProvider credentials) {
    Region region;
    try {
      region = regions.getRegion();
    } catch (SdkClientException e) {
      throw unavailable("no AWS region is configured (set AWS_REGION or a profile's region)");
    }
    try {
      credentials.resolveCredentials();
    } catch (SdkClientException e) {
      throw unavailable(
          "the default credential chain found no AWS credentials (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
              + " or AWS_PROFILE)");
    }
    // The SDK's retries stay on here: real Cognito throttles a suite that creates pools and users quickly, and its
    // 500s are not ours to find.
    return new AwsTarget(
        CognitoIdentityProviderClient.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create())
            .build(),
        region);
  }

  private static IllegalStateException unavailable(String reason) {
    return new IllegalStateException("-Dcognate.target=aws names real Cognito, but " + reason);
  }

  @Override
  public String name() {
    return "aws";
  }

  @Override
  public CognitoIdentityProviderClient cognito() {
    return cognito;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of();
  }

  @Override
  public Optional<URI> endpoint() {
    return Optional.empty();
  }

  @Override
  public String region() {
    return region.id();
  }

  @Override
  public Optional<String> lastCode(String userPoolId, String username) {
    return Optional.empty();
  }

  @Override
  public void close() {
    try {
      super.close();
    } finally {
      cognito.close();
    }
  }
}
