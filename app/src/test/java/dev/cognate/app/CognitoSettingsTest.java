package dev.cognate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

class CognitoSettingsTest {
  private static final CognitoSettings SETTINGS = new CognitoSettings("eu-west-1_AbC123xyZ", "client");
  private static final Region REGION = Region.EU_WEST_1;

  private static CognitoIdentityProviderClient client(Region region, URI endpoint) {
    CognitoIdentityProviderClientBuilder builder =
        CognitoIdentityProviderClient.builder()
            .region(region)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
            .httpClient(UrlConnectionHttpClient.create());
    return endpoint == null ? builder.build() : builder.endpointOverride(endpoint).build();
  }

  @Test
  void withoutAnEndpointOverrideTheIssuerIsTheRegionalCognitoEndpoint() {
    try (CognitoIdentityProviderClient eu = client(REGION, null);
        CognitoIdentityProviderClient us = client(Region.US_EAST_1, null)) {
      assertEquals("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyZ", SETTINGS.issuer(eu));
      assertEquals("https://cognito-idp.us-east-1.amazonaws.com/eu-west-1_AbC123xyZ", SETTINGS.issuer(us));
    }
  }

  @Test
  void theEndpointTheSdkResolvedIsTheIssuerBase() {
    try (CognitoIdentityProviderClient emulator = client(REGION, URI.create("http://127.0.0.1:9229/"))) {
      assertEquals("http://127.0.0.1:9229/eu-west-1_AbC123xyZ", SETTINGS.issuer(emulator));
    }
  }

  @Test
  void theSdksStandardEndpointSettingIsHonoured() {
    String property = "aws.endpointUrlCognitoIdentityProvider";
    String before = System.getProperty(property);
    System.setProperty(property, "http://localhost:4566");
    try (CognitoIdentityProviderClient configured = client(REGION, null)) {
      assertEquals("http://localhost:4566/eu-west-1_AbC123xyZ", SETTINGS.issuer(configured));
    } finally {
      if (before == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, before);
      }
    }
  }

  @Test
  void theIssuerOfAnEmulatorEndpoint() {
    assertEquals(
        "http://127.0.0.1:9229/us-east-1_X", CognitoSettings.issuer(URI.create("http://127.0.0.1:9229"), "us-east-1_X"));
    assertEquals(
        "http://127.0.0.1:9229/us-east-1_X", CognitoSettings.issuer(URI.create("http://127.0.0.1:9229/"), "us-east-1_X"));
  }

  @Test
  void poolAndClientComeFromTheEnvironment() {
    CognitoSettings settings =
        CognitoSettings.fromEnvironment(Map.of("USER_POOL_ID", " us-east-1_AbC123xyZ ", "USER_CLIENT_ID", "abc123"));
    assertEquals(new CognitoSettings("us-east-1_AbC123xyZ", "abc123"), settings);
  }

  @Test
  void aMissingOrBlankPoolIdIsNamed() {
    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> CognitoSettings.fromEnvironment(Map.of("USER_CLIENT_ID", "c")));
    assertEquals(
        "USER_POOL_ID is not set: it must name the Cognito user pool and app client to use", missing.getMessage());
    IllegalStateException blank =
        assertThrows(
            IllegalStateException.class,
            () -> CognitoSettings.fromEnvironment(Map.of("USER_POOL_ID", " ", "USER_CLIENT_ID", "c")));
    assertEquals("USER_POOL_ID is not set: it must name the Cognito user pool and app client to use", blank.getMessage());
  }

  @Test
  void aMissingOrBlankClientIdIsNamed() {
    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> CognitoSettings.fromEnvironment(Map.of("USER_POOL_ID", "p")));
    assertEquals(
        "USER_CLIENT_ID is not set: it must name the Cognito user pool and app client to use", missing.getMessage());
    IllegalStateException blank =
        assertThrows(
            IllegalStateException.class,
            () -> CognitoSettings.fromEnvironment(Map.of("USER_POOL_ID", "p", "USER_CLIENT_ID", "")));
    assertEquals(
        "USER_CLIENT_ID is not set: it must name the Cognito user pool and app client to use", blank.getMessage());
  }

  @Test
  void withNeitherThePoolIsNamedFirst() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CognitoSettings.fromEnvironment(Map.of()));
    assertEquals("USER_POOL_ID is not set: it must name the Cognito user pool and app client to use", e.getMessage());
  }
}
