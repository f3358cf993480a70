package dev.cognate.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

/**
 * {@code -Dcognate.target=aws} names real Cognito: a machine that cannot reach it fails the run and says why,
 * instead of skipping every case and passing.
 */
class AwsTargetTest {
  // What the default chains do in an environment without AWS variables, profiles or instance metadata.
  private static final AwsRegionProvider NO_REGION =
      () -> {
        throw SdkClientException.create("Unable to load region from any of the providers in the chain");
      };
  private static final AwsCredentialsProvider NO_CREDENTIALS =
      () -> {
        throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
      };

  @Test
  void withoutARegionTheRunFailsWithTheReason() {
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> AwsTarget.resolve(NO_REGION, NO_CREDENTIALS));
    assertEquals(
        "-Dcognate.target=aws names real Cognito, but no AWS region is configured (set AWS_REGION or a profile's"
            + " region)",
        failure.getMessage());
  }

  @Test
  void withoutCredentialsTheRunFailsWithTheReason() {
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> AwsTarget.resolve(() -> Region.US_EAST_1, NO_CREDENTIALS));
    assertEquals(
        "-Dcognate.target=aws names real Cognito, but the default credential chain found no AWS credentials (set"
            + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE)",
        failure.getMessage());
  }
}
