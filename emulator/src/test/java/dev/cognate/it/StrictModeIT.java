package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.TestEmulator;
import dev.cognate.support.Users;
import dev.cognate.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * Strict mode ({@code --credentials}) through the real AWS SDK for Java v2: signed operations need a valid SigV4
 * signature by a configured key pair, unsigned ones need none, and failures answer as AWS does.
 */
class StrictModeIT {
  private static final String KEY = "AKIDCOGNATESTRICT";
  private static final String SECRET = "strict/Secret+Key";
  private static final String ACCOUNT_KEY = "123456789012";
  private static final String ACCOUNT_SECRET = "account-secret";
  private static final String BAD_SIGNATURE =
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access"
          + " Key and signing method. Consult the service documentation for details.";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.start(strict(CognateConfig.forTests()));

  private static CognateConfig.Builder strict(CognateConfig.Builder config) {
    return config.credentials(KEY, SECRET).credentials(ACCOUNT_KEY, ACCOUNT_SECRET);
  }

  @Test
  void theRightKeysPassOnSignedOperations() {
    try (CognitoIdentityProviderClient cognito = client(keys(KEY, SECRET), Region.US_EAST_1)) {
      UserPoolType pool = cognito.createUserPool(r -> r.poolName("strict")).userPool();
      assertEquals(pool.arn(), cognito.describeUserPool(r -> r.userPoolId(pool.id())).userPool().arn());
      assertTrue(
          cognito.listUserPools(r -> r.maxResults(60)).userPools().stream().anyMatch(p -> p.id().equals(pool.id())));
      assertNotNull(Pools.client(cognito, pool.id(), c -> {}).clientId());
    }
  }

  @Test
  void aSignedRequestToAnEncodedPathBelowTheRootVerifies() {
    // Behind a proxy the endpoint may carry a path; SigV4 signs it encoded twice, as every service but S3 expects.
    URI proxied = EMULATOR.cognate().endpoint().resolve("/proxy/cognito%20idp/");
    try (CognitoIdentityProviderClient cognito = client(proxied, keys(KEY, SECRET), Region.US_EAST_1)) {
      assertEquals("proxied", cognito.createUserPool(r -> r.poolName("proxied")).userPool().name());
    }
  }

  @Test
  void aWrongSecretIsAnInvalidSignature() {
    try (CognitoIdentityProviderClient cognito = client(keys(KEY, "not-the-secret"), Region.US_EAST_1)) {
      assertCognitoError(
          "InvalidSignatureException", BAD_SIGNATURE, () -> cognito.createUserPool(r -> r.poolName("wrong")));
    }
  }

  @Test
  void anotherPairsSecretIsAnInvalidSignature() {
    try (CognitoIdentityProviderClient cognito = client(keys(ACCOUNT_KEY, SECRET), Region.US_EAST_1)) {
      assertCognitoError("InvalidSignatureException", BAD_SIGNATURE, () -> cognito.listUserPools(r -> r.maxResults(1)));
    }
  }

  @Test
  void anUnknownAccessKeyIsAnUnrecognizedClient() {
    try (CognitoIdentityProviderClient cognito = client(keys("AKIDUNKNOWN", SECRET), Region.US_EAST_1)) {
      assertCognitoError(
          "UnrecognizedClientException",
          "The security token included in the request is invalid.",
          () -> cognito.listUserPools(r -> r.maxResults(1)));
    }
  }

  @Test
  void withoutCredentialsSignedOperationsMissTheirToken() {
    try (CognitoIdentityProviderClient anonymous = client(AnonymousCredentialsProvider.create(), Region.US_EAST_1)) {
      assertCognitoError(
          "MissingAuthenticationTokenException",
          "Missing Authentication Token",
          () -> anonymous.listUserPools(r -> r.maxResults(1)));
    }
  }

  @Test
  void unsignedOperationsWorkWithoutCredentials() {
    Pool pool;
    try (CognitoIdentityProviderClient admin = client(keys(KEY, SECRET), Region.US_EAST_1)) {
      Pool app = Pools.appPool(admin);
      String clientId =
          Pools.client(admin, app.poolId(), c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH))
              .clientId();
      pool = new Pool(app.poolId(), clientId, null);
    }
    try (CognitoIdentityProviderClient anonymous = client(AnonymousCredentialsProvider.create(), Region.US_EAST_1)) {
      Users.signUp(anonymous, pool, "alice", "alice@example.com");
      Users.confirmWithLastCode(anonymous, EMULATOR.cognate(), pool, "alice");
      AuthenticationResultType tokens = Users.signIn(anonymous, pool.clientId(), "alice", Users.APP_PASSWORD);
      assertEquals("alice", anonymous.getUser(r -> r.accessToken(tokens.accessToken())).username());
    }
    // The SDK sends unsigned operations without a signature, so wrong keys do not matter there either.
    try (CognitoIdentityProviderClient wrong = client(keys("AKIDUNKNOWN", "nope"), Region.US_EAST_1)) {
      Users.signUp(wrong, pool, "bob", "bob@example.com");
    }
  }

  @Test
  void aClientWhoseClockIsBehindGetsSignatureExpired() {
    // The emulator's clock runs ten minutes ahead of the SDK's: the SDK's fresh signature is ten minutes old to it.
    Clock tenMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
    try (Cognate ahead = TestEmulator.start(strict(CognateConfig.forTests()).clock(tenMinutesAhead));
        CognitoIdentityProviderClient cognito = client(ahead.endpoint(), keys(KEY, SECRET), Region.US_EAST_1)) {
      CognitoIdentityProviderException e =
          assertThrows(CognitoIdentityProviderException.class, () -> cognito.listUserPools(r -> r.maxResults(1)));
      assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
      assertEquals(400, e.statusCode());
      String message = e.awsErrorDetails().errorMessage();
      System.out.println("StrictModeIT: an SDK client 10 minutes behind the emulator was refused: " + message);
      assertTrue(
          message.matches(
              "Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 5 min\\.\\)"),
          message);
    }
  }

  @Test
  void aRequestSignedWithAnOldDateByTheSdkSignerIsRefusedAndAFreshOneAccepted() throws Exception {
    Instant now = Instant.parse("2026-11-30T03:00:00Z");
    try (Cognate fixed = TestEmulator.start(strict(CognateConfig.forTests()).clock(new MutableClock(now)))) {
      HttpResponse<String> old = send(fixed.endpoint(), now.minus(Duration.ofMinutes(10)));
      assertEquals(400, old.statusCode(), old.body());
      assertEquals("InvalidSignatureException:", old.headers().firstValue("x-amzn-ErrorType").orElse(""));
      assertEquals(
          "{\"__type\":\"InvalidSignatureException\",\"message\":\"Signature expired: 20261130T025000Z is now earlier"
              + " than 20261130T025500Z (20261130T030000Z - 5 min.)\"}",
          old.body());

      HttpResponse<String> early = send(fixed.endpoint(), now.plus(Duration.ofMinutes(6)));
      assertEquals(
          "{\"__type\":\"InvalidSignatureException\",\"message\":\"Signature not yet current: 20261130T030600Z is"
              + " still later than 20261130T030500Z (20261130T030000Z + 5 min.)\"}",
          early.body());

      HttpResponse<String> fresh = send(fixed.endpoint(), now.minus(Duration.ofMinutes(4)));
      assertEquals(200, fresh.statusCode(), fresh.body());
    }
  }

  @Test
  void aSignedRequestNamesTheRegionAndATwelveDigitKeyTheAccount() {
    try (CognitoIdentityProviderClient cognito = client(keys(ACCOUNT_KEY, ACCOUNT_SECRET), Region.EU_WEST_1)) {
      UserPoolType pool = cognito.createUserPool(r -> r.poolName("eu")).userPool();
      assertTrue(pool.id().matches("eu-west-1_[0-9A-Za-z]{9}"), pool.id());
      assertEquals("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/" + pool.id(), pool.arn());
    }
  }

  /** ListUserPools signed by the SDK's own signer at {@code signedAt}, sent as raw HTTP. */
  private static HttpResponse<String> send(URI endpoint, Instant signedAt) throws Exception {
    byte[] body = "{\"MaxResults\":1}".getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint.resolve("/"))
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
            .build();
    SdkHttpRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> r.identity(AwsCredentialsIdentity.create(KEY, SECRET))
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
            .request();
    assertEquals(AMZ_DATE.format(signedAt), signed.firstMatchingHeader("X-Amz-Date").orElseThrow());
    HttpRequest.Builder http =
        HttpRequest.newBuilder(endpoint.resolve("/"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    // Java's client sets Host itself, to the same host:port the signer signed.
    signed.forEachHeader(
        (name, values) -> {
          if (!name.equalsIgnoreCase("Host")) {
            values.forEach(v -> http.header(name, v));
          }
        });
    return Http.send(http.build());
  }

  private static AwsCredentialsProvider keys(String accessKeyId, String secret) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret));
  }

  private static CognitoIdentityProviderClient client(AwsCredentialsProvider credentials, Region region) {
    return client(EMULATOR.cognate().endpoint(), credentials, region);
  }

  /** A real SDK client with retries off, so that every call is exactly one request. */
  private static CognitoIdentityProviderClient client(URI endpoint, AwsCredentialsProvider credentials, Region region) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
