package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.support.TestEmulator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * As on AWS, a request acts in the region its SigV4 credential scope names and, for a 12-digit access key id, in
 * that account; unsigned requests act in the configured region and account. Signatures are not checked here.
 */
class RequestRegionIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.start(CognateConfig.forTests().region("ap-south-1"));

  @Test
  void theClientsRegionNamesThePoolIdAndArn() {
    try (CognitoIdentityProviderClient eu = TestEmulator.client(EMULATOR.cognate().endpoint(), Region.EU_WEST_1)) {
      UserPoolType pool = eu.createUserPool(r -> r.poolName("eu")).userPool();
      assertTrue(pool.id().matches("eu-west-1_[0-9A-Za-z]{9}"), pool.id());
      assertEquals("arn:aws:cognito-idp:eu-west-1:000000000000:userpool/" + pool.id(), pool.arn());
      assertEquals(pool.arn(), eu.describeUserPool(r -> r.userPoolId(pool.id())).userPool().arn());
    }
  }

  @Test
  void aTwelveDigitAccessKeyIdNamesTheAccount() {
    try (CognitoIdentityProviderClient account =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(EMULATOR.cognate().endpoint())
            .region(Region.US_WEST_2)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("123456789012", "any")))
            .build()) {
      UserPoolType pool = account.createUserPool(r -> r.poolName("account")).userPool();
      assertEquals("arn:aws:cognito-idp:us-west-2:123456789012:userpool/" + pool.id(), pool.arn());
    }
  }

  @Test
  void anUnsignedRequestActsInTheConfiguredRegionAndAccount() throws Exception {
    JsonNode pool = createUserPool(Optional.empty());
    assertTrue(pool.get("Id").asText().startsWith("ap-south-1_"), pool.toString());
    assertEquals(
        "arn:aws:cognito-idp:ap-south-1:000000000000:userpool/" + pool.get("Id").asText(), pool.get("Arn").asText());
  }

  @Test
  void aScopeThatNamesNoRegionFallsBackToTheConfiguredOne() throws Exception {
    JsonNode pool =
        createUserPool(
            Optional.of(
                "AWS4-HMAC-SHA256 Credential=123456789012/20261130/local/cognito-idp/aws4_request,"
                    + " SignedHeaders=host;x-amz-date, Signature=00"));
    assertEquals(
        "arn:aws:cognito-idp:ap-south-1:123456789012:userpool/" + pool.get("Id").asText(), pool.get("Arn").asText());
  }

  @Test
  void aRegionTooLongForAPoolIdFallsBackToTheConfiguredOne() throws Exception {
    String region = "ap-" + "south".repeat(9) + "-1";
    JsonNode pool =
        createUserPool(
            Optional.of(
                "AWS4-HMAC-SHA256 Credential=123456789012/20261130/" + region + "/cognito-idp/aws4_request,"
                    + " SignedHeaders=host;x-amz-date, Signature=00"));
    assertEquals(
        "arn:aws:cognito-idp:ap-south-1:123456789012:userpool/" + pool.get("Id").asText(), pool.get("Arn").asText());
  }

  @Test
  void theConfiguredAccountStaysTheDefault() {
    try (Cognate other = TestEmulator.start(CognateConfig.forTests().accountId("210987654321"));
        CognitoIdentityProviderClient cognito = TestEmulator.client(other)) {
      UserPoolType pool = cognito.createUserPool(r -> r.poolName("default-account")).userPool();
      assertEquals("arn:aws:cognito-idp:us-east-1:210987654321:userpool/" + pool.id(), pool.arn());
    }
  }

  private static JsonNode createUserPool(Optional<String> authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(EMULATOR.cognate().endpoint().resolve("/"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AWSCognitoIdentityProviderService.CreateUserPool")
            .header("X-Amz-Date", "20261130T030000Z")
            .POST(HttpRequest.BodyPublishers.ofString("{\"PoolName\":\"raw\"}"));
    authorization.ifPresent(value -> request.header("Authorization", value));
    HttpResponse<String> response = Http.send(request.build());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body()).get("UserPool");
  }
}
