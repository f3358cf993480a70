package dev.cognate.contract;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
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

  /** The target, or why it cannot run here. */
  static Targets.Resolved resolve() {
    Region region;
    try {
      region = DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (SdkClientException e) {
      return Targets.Resolved.unavailable("no AWS region configured (set AWS_REGION or a profile's region)");
    }
    DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    try {
      credentials.resolveCredentials();
    } catch (SdkClientException e) {
      return Targets.Resolved.unavailable("no AWS credentials found by the default credential chain");
    }
    return Targets.Resolved.of(
        new AwsTarget(
            CognitoIdentityProviderClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build(),
            region));
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
