package dev.cognate.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.protocol.SigV4Authorization.CredentialScope;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The verifier against AWS's own signer: requests signed by the SDK's {@code AwsV4HttpSigner} must verify, and any
 * change to what was signed must not. Two of AWS's published examples pin the key derivation and a whole signature.
 */
class SigV4VerifierTest {
  private static final String ACCESS_KEY = "AKIDCOGNATE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
  private static final byte[] BODY = "{\"PoolName\":\"pool\"}".getBytes(StandardCharsets.UTF_8);
  private static final String BAD_SIGNATURE =
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access"
          + " Key and signing method. Consult the service documentation for details.";

  private final SigV4Verifier verifier = new SigV4Verifier(Map.of(ACCESS_KEY, SECRET, "123456789012", "other"));

  // ---------------------------------------------------------------------------------------------------------
  // AWS's published examples

  @Test
  void derivesTheSigningKeyOfAwsDocumentedExample() {
    // "Examples of how to derive a signing key for Signature Version 4" in AWS's general reference.
    assertEquals(
        "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
        HexFormat.of().formatHex(SigV4Verifier.signingKey(SECRET, "20120215", "us-east-1", "iam")));
  }

  @Test
  void signsTheVanillaGetOfAwsTestSuite() {
    // "get-vanilla" from AWS's SigV4 test suite: GET / to example.amazonaws.com, service "service".
    SignedRequest request =
        new SignedRequest(
            "GET",
            "/",
            null,
            Map.of("host", List.of("example.amazonaws.com"), "x-amz-date", List.of("20150830T123600Z")),
            new byte[0]);
    CredentialScope scope = new CredentialScope("AKIDEXAMPLE", "20150830", "us-east-1", "service", "aws4_request");
    assertEquals(
        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
        SigV4Verifier.signature(
            SECRET, scope, "20150830T123600Z", SigV4Verifier.canonicalRequest(request, "host;x-amz-date")));
  }

  // ---------------------------------------------------------------------------------------------------------
  // What the SDK signs verifies

  @Test
  void aCognitoCallSignedByTheSdkVerifies() {
    CredentialScope scope = verifier.verify(sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "eu-west-1", NOW), NOW);
    assertEquals(new CredentialScope(ACCESS_KEY, "20261130", "eu-west-1", "cognito-idp", "aws4_request"), scope);
  }

  @Test
  void pathsQueriesAndHeaderSpacingAreCanonicalisedAsTheSdkDoes() {
    SdkHttpRequest request =
        cognitoCall().toBuilder()
            .encodedPath("/a%20b/%C3%A9t%C3%A9/./c/../d~e")
            .putRawQueryParameter("zeta", "1")
            .putRawQueryParameter("alpha", List.of("b c", "a+b"))
            .putRawQueryParameter("empty", "")
            .putHeader("X-Custom", "  spaced    out   value ")
            .appendHeader("X-Repeated", "one")
            .appendHeader("X-Repeated", "two")
            .build();
    verifier.verify(sdkSigned(request, BODY, ACCESS_KEY, SECRET, "us-east-1", NOW), NOW);
  }

  @Test
  void anEmptyBodyVerifies() {
    verifier.verify(sdkSigned(cognitoCall(), new byte[0], ACCESS_KEY, SECRET, "us-east-1", NOW), NOW);
  }

  @Test
  void aSignatureExactlyFiveMinutesOldOrAheadStillVerifies() {
    Duration five = Duration.ofMinutes(5);
    verifier.verify(sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "us-east-1", NOW.minus(five)), NOW);
    verifier.verify(sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "us-east-1", NOW.plus(five)), NOW);
  }

  // ---------------------------------------------------------------------------------------------------------
  // What does not verify, with AWS's answers

  @Test
  void aChangedBodyHeaderOrPathFails() {
    SignedRequest signed = sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "us-east-1", NOW);
    assertFails(
        CognitoErrorType.INVALID_SIGNATURE,
        BAD_SIGNATURE,
        withBody(signed, "{\"PoolName\":\"other\"}".getBytes(StandardCharsets.UTF_8)));
    assertFails(
        CognitoErrorType.INVALID_SIGNATURE,
        BAD_SIGNATURE,
        withHeaders(signed, h -> put(h, "x-amz-target", "AWSCognitoIdentityProviderService.DeleteUserPool")));
    assertFails(
        CognitoErrorType.INVALID_SIGNATURE,
        BAD_SIGNATURE,
        new SignedRequest(signed.method(), "/other", signed.rawQuery(), signed.headers(), signed.body()));
  }

  @Test
  void aWrongSecretFails() {
    assertFails(
        CognitoErrorType.INVALID_SIGNATURE,
        BAD_SIGNATURE,
        sdkSigned(cognitoCall(), BODY, ACCESS_KEY, "not-the-secret", "us-east-1", NOW));
  }

  @Test
  void anotherKeysSecretFails() {
    assertFails(
        CognitoErrorType.INVALID_SIGNATURE,
        BAD_SIGNATURE,
        sdkSigned(cognitoCall(), BODY, "123456789012", SECRET, "us-east-1", NOW));
  }

  @Test
  void anUnknownAccessKeyIsUnrecognized() {
    assertFails(
        CognitoErrorType.UNRECOGNIZED_CLIENT,
        "The security token included in the request is invalid.",
        sdkSigned(cognitoCall(), BODY, "AKIDUNKNOWN", SECRET, "us-east-1", NOW));
  }

  @Test
  void aMissingAuthorizationHeaderIsAMissingToken() {
    SignedRequest signed = sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "us-east-1", NOW);
    assertFails(
        CognitoErrorType.MISSING_AUTHENTICATION_TOKEN,
        "Missing Authentication Token",
        withHeaders(signed, h -> h.remove("authorization")));
  }

  @Test
  void aSignatureOlderThanFiveMinutesHasExpired() {
    assertFails(
        CognitoErrorType.INVALID_SIGNATURE,
        "Signature expired: 20261130T025459Z is now earlier than 20261130T025500Z (20261130T030000Z - 5 min.)",
        sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "us-east-1", NOW.minusSeconds(301)));
  }

  @Test
  void aSignatureMoreThanFiveMinutesAheadIsNotYetCurrent() {
    assertFails(
        CognitoErrorType.INVALID_SIGNATURE,
        "Signature not yet current: 20261130T030501Z is still later than 20261130T030500Z (20261130T030000Z + 5 min.)",
        sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "us-east-1", NOW.plusSeconds(301)));
  }

  @Test
  void aScopeForAnotherServiceOrANonRegionFails() {
    assertFails(
        CognitoErrorType.INVALID_SIGNATURE,
        "Credential should be scoped to correct service: 'cognito-idp'. ",
        sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "us-east-1", NOW, "dynamodb"));
    assertFails(
        CognitoErrorType.INVALID_SIGNATURE,
        "Credential should be scoped to a valid region. ",
        sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "local", NOW));
  }

  @Test
  void aScopeDateOtherThanTheRequestDateFails() {
    SignedRequest signed = sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "us-east-1", NOW);
    SignedRequest redated = withHeaders(signed, h -> put(h, "x-amz-date", "20261201T000100Z"));
    assertFails(
        CognitoErrorType.INVALID_SIGNATURE,
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261130' !="
            + " '20261201', from '20261201T000100Z'.",
        redated,
        Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void anAuthorizationOfAnotherSchemeIsAnIncompleteSignature() {
    SignedRequest signed = sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "us-east-1", NOW);
    assertFails(
        CognitoErrorType.INCOMPLETE_SIGNATURE,
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter."
            + " Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of"
            + " either a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer eyJhbGciOiJSUzI1NiJ9",
        withHeaders(
            signed,
            h -> {
              put(h, "authorization", "Bearer eyJhbGciOiJSUzI1NiJ9");
              h.remove("x-amz-date");
            }));
  }

  @Test
  void aCredentialWithoutFiveElementsIsAnIncompleteSignature() {
    SignedRequest signed = sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "us-east-1", NOW);
    String header = signed.header("authorization").orElseThrow().replace("/cognito-idp/", "/");
    assertFails(
        CognitoErrorType.INCOMPLETE_SIGNATURE,
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
            + ACCESS_KEY + "/20261130/us-east-1/aws4_request'",
        withHeaders(signed, h -> put(h, "authorization", header)));
  }

  @Test
  void anUnreadableDateIsAnIncompleteSignature() {
    SignedRequest signed = sdkSigned(cognitoCall(), BODY, ACCESS_KEY, SECRET, "us-east-1", NOW);
    assertFails(
        CognitoErrorType.INCOMPLETE_SIGNATURE,
        "Date must be in ISO-8601 'basic format'. Got '2026-11-30T03:00:00Z'."
            + " See http://en.wikipedia.org/wiki/ISO_8601",
        withHeaders(signed, h -> put(h, "x-amz-date", "2026-11-30T03:00:00Z")));
  }

  // ---------------------------------------------------------------------------------------------------------

  private static SdkHttpRequest cognitoCall() {
    return SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(URI.create("http://127.0.0.1:9229/"))
        .putHeader("Content-Type", "application/x-amz-json-1.1")
        .putHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.CreateUserPool")
        .build();
  }

  private static SignedRequest sdkSigned(
      SdkHttpRequest request, byte[] body, String accessKey, String secret, String region, Instant at) {
    return sdkSigned(request, body, accessKey, secret, region, at, "cognito-idp");
  }

  /** Signs with the SDK's own SigV4 signer, then hands over what a server would receive. */
  private static SignedRequest sdkSigned(
      SdkHttpRequest request, byte[] body, String accessKey, String secret, String region, Instant at, String service) {
    SdkHttpRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> r.identity(AwsCredentialsIdentity.create(accessKey, secret))
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
            .request();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signed.forEachHeader((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    headers.putIfAbsent("host", List.of(signed.host() + (signed.port() == 80 ? "" : ":" + signed.port())));
    return new SignedRequest(
        signed.method().name(), signed.encodedPath(), signed.encodedQueryParameters().orElse(null), headers, body);
  }

  private static SignedRequest withBody(SignedRequest request, byte[] body) {
    return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(), body);
  }

  private static SignedRequest withHeaders(SignedRequest request, Consumer<Map<String, List<String>>> change) {
    Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
    change.accept(headers);
    return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
  }

  private static void put(Map<String, List<String>> headers, String name, String value) {
    headers.put(name, List.of(value));
  }

  private void assertFails(CognitoErrorType type, String message, SignedRequest request) {
    assertFails(type, message, request, NOW);
  }

  private void assertFails(CognitoErrorType type, String message, SignedRequest request, Instant now) {
    CognitoException e = assertThrows(CognitoException.class, () -> verifier.verify(request, now));
    assertEquals(type, e.type(), e.getMessage());
    assertEquals(message, e.getMessage());
  }
}
