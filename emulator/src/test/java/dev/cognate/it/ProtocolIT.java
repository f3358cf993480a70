package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The awsJson1_1 wire protocol, checked with raw HTTP: headers, error envelopes, serialization failures, model
 * validation messages, body size limit, CORS and the emulator's own routes.
 */
class ProtocolIT {
  private static final String PREFIX = "AWSCognitoIdentityProviderService.";
  private static final String AMZ_JSON = "application/x-amz-json-1.1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\(");

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start();
  private final Cognate cognate = emulator.cognate();

  // ---------------------------------------------------------------------------------------------------------
  // Success responses

  @Test
  void successCarriesRequestIdAndAmzJsonContentType() throws Exception {
    HttpResponse<String> response = call("CreateUserPool", "{\"PoolName\":\"proto-pool\"}");

    assertEquals(200, response.statusCode(), response.body());
    String requestId = header(response, "x-amzn-RequestId").orElse("");
    assertFalse(requestId.isBlank(), "x-amzn-RequestId missing on success");
    assertAmzJsonContentType(response);

    JsonNode pool = JSON.readTree(response.body()).get("UserPool");
    assertNotNull(pool, response.body());
    assertTrue(pool.get("Id").asText().matches("us-east-1_[0-9A-Za-z]{9}"), pool.toString());
    assertEquals("proto-pool", pool.get("Name").asText());
    // awsJson timestamps are epoch seconds (JSON numbers), not milliseconds and not strings.
    JsonNode created = pool.get("CreationDate");
    assertNotNull(created, pool.toString());
    assertTrue(created.isNumber(), "CreationDate must be a JSON number, was " + created);
    double nowSeconds = System.currentTimeMillis() / 1000.0;
    assertTrue(
        Math.abs(created.asDouble() - nowSeconds) < 3600,
        "CreationDate must be epoch seconds, was " + created);
  }

  @Test
  void requestIdsDifferBetweenRequests() throws Exception {
    HttpResponse<String> first = call("ListUserPools", "{\"MaxResults\":10}");
    HttpResponse<String> second = call("ListUserPools", "{\"MaxResults\":10}");
    assertEquals(200, first.statusCode(), first.body());
    assertEquals(200, second.statusCode(), second.body());
    assertNotEquals(
        header(first, "x-amzn-RequestId").orElse("a"), header(second, "x-amzn-RequestId").orElse("a"));
  }

  @Test
  void acceptsAmzJsonAndPlainJsonContentTypes() throws Exception {
    HttpResponse<String> amz =
        send(post("CreateUserPool", "{\"PoolName\":\"amz\"}").header("Content-Type", AMZ_JSON));
    assertEquals(200, amz.statusCode(), amz.body());

    HttpResponse<String> json =
        send(post("CreateUserPool", "{\"PoolName\":\"plain\"}").header("Content-Type", "application/json"));
    assertEquals(200, json.statusCode(), json.body());
    assertEquals("plain", JSON.readTree(json.body()).get("UserPool").get("Name").asText());
  }

  @Test
  void acceptsFakeSigV4AuthorizationHeaderAndNoAuthorizationAtAll() throws Exception {
    HttpResponse<String> signed =
        send(
            post("CreateUserPool", "{\"PoolName\":\"signed\"}")
                .header("Content-Type", AMZ_JSON)
                .header("X-Amz-Date", "20240501T120000Z")
                .header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240501/us-east-1/cognito-idp/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
                        + "Signature=0000000000000000000000000000000000000000000000000000000000000000"));
    assertEquals(200, signed.statusCode(), signed.body());

    HttpResponse<String> unsigned =
        send(post("CreateUserPool", "{\"PoolName\":\"unsigned\"}").header("Content-Type", AMZ_JSON));
    assertEquals(200, unsigned.statusCode(), unsigned.body());
  }

  // ---------------------------------------------------------------------------------------------------------
  // Error envelope and protocol-level errors

  @Test
  void errorResponseHasErrorTypeHeaderRequestIdAndTwoKeyBody() throws Exception {
    HttpResponse<String> response = call("DescribeUserPool", "{\"UserPoolId\":\"us-east-1_AAAAAAAAA\"}");

    assertError(response, 400, "ResourceNotFoundException", "User pool us-east-1_AAAAAAAAA does not exist.");
    assertAmzJsonContentType(response);
  }

  @Test
  void malformedJsonIsSerializationException() throws Exception {
    for (String body : List.of("{", "{\"PoolName\":", "not json at all", "{\"PoolName\":\"x\",}")) {
      HttpResponse<String> response = call("CreateUserPool", body);
      assertErrorCode(response, 400, "SerializationException");
    }
  }

  @Test
  void jsonThatIsNotAnObjectIsSerializationException() throws Exception {
    for (String body : List.of("[]", "\"x\"", "42", "true")) {
      HttpResponse<String> response = call("CreateUserPool", body);
      assertErrorCode(response, 400, "SerializationException");
    }
  }

  @Test
  void memberOfWrongJsonTypeIsSerializationException() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("{\"PoolName\":{}}", "CreateUserPool");
    cases.put("{\"PoolName\":[]}", "CreateUserPool");
    cases.put("{\"PoolName\":\"p\",\"Policies\":\"strong\"}", "CreateUserPool");
    cases.put("{\"PoolName\":\"p\",\"AutoVerifiedAttributes\":{\"a\":\"email\"}}", "CreateUserPool");
    cases.put("{\"MaxResults\":\"abc\"}", "ListUserPools");
    cases.put("{\"MaxResults\":{}}", "ListUserPools");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> response = call(c.getValue(), c.getKey());
      assertErrorCode(response, 400, "SerializationException");
    }
  }

  @Test
  void unknownTargetIsUnknownOperationException() throws Exception {
    HttpResponse<String> response = call("NoSuchOperation", "{}");
    assertErrorCode(response, 400, "UnknownOperationException");

    HttpResponse<String> wrongService =
        send(
            HttpRequest.newBuilder(cognate.endpoint().resolve("/"))
                .header("Content-Type", AMZ_JSON)
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertErrorCode(wrongService, 400, "UnknownOperationException");
  }

  @Test
  void missingTargetIsUnknownOperationException() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(cognate.endpoint().resolve("/"))
                .header("Content-Type", AMZ_JSON)
                .POST(HttpRequest.BodyPublishers.ofString("{\"PoolName\":\"p\"}")));
    assertErrorCode(response, 400, "UnknownOperationException");
  }

  @Test
  void bodyOverOneMebibyteIs413WithRequestEntityTooLarge() throws Exception {
    int size = 1024 * 1024 + 512 * 1024;
    String body = "{\"PoolName\":\"" + "a".repeat(size) + "\"}";
    HttpResponse<String> response;
    try {
      response = call("CreateUserPool", body);
    } catch (IOException e) {
      fail("an oversized body must get a 413 response, not a dropped connection: " + e);
      return;
    }
    assertErrorCode(response, 413, "RequestEntityTooLargeException");

    // The emulator keeps serving afterwards.
    HttpResponse<String> after = call("ListUserPools", "{\"MaxResults\":1}");
    assertEquals(200, after.statusCode(), after.body());
  }

  @Test
  void bodyJustUnderOneMebibyteIsNotRejectedForSize() throws Exception {
    String body = "{\"PoolName\":\"" + "a".repeat(1_000_000) + "\"}";
    HttpResponse<String> response = call("CreateUserPool", body);
    // PoolName is far over its 128-character limit: the request was read and validated, not refused for size.
    assertErrorCode(response, 400, "InvalidParameterException");
  }

  // ---------------------------------------------------------------------------------------------------------
  // CORS

  @Test
  void corsPreflightIsAnswered() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(cognate.endpoint().resolve("/"))
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header(
                    "Access-Control-Request-Headers",
                    "content-type,x-amz-target,x-amz-user-agent,authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertTrue(
        response.statusCode() >= 200 && response.statusCode() < 300,
        "preflight status " + response.statusCode() + " " + response.headers().map());
    assertAllowsLocalhostOrigin(response);
    assertHeaderListContains(response, "Access-Control-Allow-Headers", "x-amz-target");
  }

  @Test
  void corsHeadersOnOrdinaryResponses() throws Exception {
    HttpResponse<String> ok =
        send(
            post("ListUserPools", "{\"MaxResults\":5}")
                .header("Content-Type", AMZ_JSON)
                .header("Origin", "http://localhost:3000"));
    assertEquals(200, ok.statusCode(), ok.body());
    assertCorsOnResponse(ok);

    HttpResponse<String> error =
        send(
            post("DescribeUserPool", "{\"UserPoolId\":\"us-east-1_AAAAAAAAA\"}")
                .header("Content-Type", AMZ_JSON)
                .header("Origin", "http://localhost:3000"));
    assertEquals(400, error.statusCode(), error.body());
    assertCorsOnResponse(error);
  }

  private static void assertCorsOnResponse(HttpResponse<String> response) {
    assertAllowsLocalhostOrigin(response);
    assertHeaderListContains(response, "Access-Control-Expose-Headers", "x-amzn-requestid");
  }

  private static void assertAllowsLocalhostOrigin(HttpResponse<String> response) {
    String allowOrigin = header(response, "Access-Control-Allow-Origin").orElse(null);
    assertNotNull(allowOrigin, "no Access-Control-Allow-Origin: " + response.headers().map());
    assertTrue(
        allowOrigin.equals("*") || allowOrigin.equals("http://localhost:3000"),
        "Access-Control-Allow-Origin was " + allowOrigin);
  }

  /** Case-insensitive, over all the header's values joined. */
  private static void assertHeaderListContains(HttpResponse<String> response, String header, String value) {
    String values = String.join(",", response.headers().allValues(header));
    assertTrue(values.toLowerCase(Locale.ROOT).contains(value), header + " was '" + values + "'");
  }

  // ---------------------------------------------------------------------------------------------------------
  // Model validation messages

  @Test
  void missingRequiredMemberMessage() throws Exception {
    HttpResponse<String> response = call("CreateUserPool", "{}");
    assertError(
        response,
        400,
        "InvalidParameterException",
        "1 validation error detected: Value null at 'poolName' failed to satisfy constraint: "
            + "Member must not be null");
  }

  @Test
  void patternFailureMessage() throws Exception {
    HttpResponse<String> response = call("DescribeUserPool", "{\"UserPoolId\":\"YOUR-USER-POOL-ID\"}");
    assertError(
        response,
        400,
        "InvalidParameterException",
        "1 validation error detected: Value 'YOUR-USER-POOL-ID' at 'userPoolId' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
  }

  @Test
  void idThatMatchesThePatternButDoesNotExistIsResourceNotFound() throws Exception {
    // "YOUR_USER_POOL_ID" does match [\w-]+_[0-9a-zA-Z]+ ("YOUR_USER_POOL" + "_" + "ID"), so it passes validation.
    HttpResponse<String> response = call("DescribeUserPool", "{\"UserPoolId\":\"YOUR_USER_POOL_ID\"}");
    assertError(response, 400, "ResourceNotFoundException", "User pool YOUR_USER_POOL_ID does not exist.");
  }

  @Test
  void twoFailuresAreJoinedWithSemicolons() throws Exception {
    HttpResponse<String> response = call("CreateUserPoolClient", "{}");
    assertValidationErrors(
        response,
        "Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
        "Value null at 'clientName' failed to satisfy constraint: Member must not be null");

    String longClientId = "a".repeat(200);
    HttpResponse<String> mixed =
        call(
            "DescribeUserPoolClient",
            "{\"UserPoolId\":\"nounderscore\",\"ClientId\":\"" + longClientId + "\"}");
    assertValidationErrors(
        mixed,
        "Value 'nounderscore' at 'userPoolId' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
        "Value at 'clientId' failed to satisfy constraint: Member must have length less than or equal to 128");
    assertFalse(body(mixed).get("message").asText().contains(longClientId));
  }

  @Test
  void sensitiveMemberValueIsOmitted() throws Exception {
    String longClientId = "c".repeat(200);
    HttpResponse<String> response =
        call(
            "SignUp",
            "{\"ClientId\":\"" + longClientId + "\",\"Username\":\"alice\",\"Password\":\"Passw0rd!\"}");
    assertError(
        response,
        400,
        "InvalidParameterException",
        "1 validation error detected: Value at 'clientId' failed to satisfy constraint: "
            + "Member must have length less than or equal to 128");
    assertFalse(response.body().contains(longClientId), response.body());

    HttpResponse<String> badUsername =
        call(
            "SignUp",
            "{\"ClientId\":\"abc\",\"Username\":\"has space\",\"Password\":\"Passw0rd!\"}");
    assertError(
        badUsername,
        400,
        "InvalidParameterException",
        "1 validation error detected: Value at 'username' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    assertFalse(badUsername.body().contains("has space"), badUsername.body());
  }

  @Test
  void nestedPathAndValueBoundMessage() throws Exception {
    HttpResponse<String> response =
        call(
            "CreateUserPool",
            "{\"PoolName\":\"p\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":100}}}");
    assertError(
        response,
        400,
        "InvalidParameterException",
        "1 validation error detected: Value '100' at 'policies.passwordPolicy.minimumLength' failed to satisfy "
            + "constraint: Member must have value less than or equal to 99");
  }

  @Test
  void enumFailureListsTheAllowedValues() throws Exception {
    HttpResponse<String> response = call("InitiateAuth", "{\"AuthFlow\":\"NOPE\",\"ClientId\":\"abc\"}");
    assertErrorCode(response, 400, "InvalidParameterException");
    String message = body(response).get("message").asText();
    String prefix =
        "1 validation error detected: Value 'NOPE' at 'authFlow' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [";
    assertTrue(message.startsWith(prefix), message);
    assertTrue(message.endsWith("]"), message);
    Set<String> listed =
        new HashSet<>(
            Arrays.asList(message.substring(prefix.length(), message.length() - 1).split(", ")));
    assertEquals(
        Set.of(
            "USER_SRP_AUTH",
            "REFRESH_TOKEN_AUTH",
            "REFRESH_TOKEN",
            "CUSTOM_AUTH",
            "ADMIN_NO_SRP_AUTH",
            "USER_PASSWORD_AUTH",
            "ADMIN_USER_PASSWORD_AUTH",
            "USER_AUTH"),
        listed);
  }

  // ---------------------------------------------------------------------------------------------------------
  // No stack traces, ever

  @Test
  void badInputsNeverLeakStackTraces() throws Exception {
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"CreateUserPool", "{"});
    cases.add(new String[] {"CreateUserPool", "[]"});
    cases.add(new String[] {"CreateUserPool", "{\"PoolName\":{}}"});
    cases.add(
        new String[] {
          "CreateUserPool", "{\"PoolName\":\"p\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":\"abc\"}}}"
        });
    cases.add(new String[] {"CreateUserPool", "{\"PoolName\":\"p\",\"Schema\":[null]}"});
    cases.add(new String[] {"CreateUserPool", "{\"PoolName\":\"p\",\"Schema\":[{\"Name\":null}]}"});
    cases.add(new String[] {"ListUserPools", "{\"MaxResults\":99999999999999999999999}"});
    cases.add(new String[] {"CreateUserPool", "{\"PoolName\":\"p\",\"AutoVerifiedAttributes\":[null]}"});
    cases.add(new String[] {"CreateUserPool", "{\"PoolName\":\"p\",\"UsernameAttributes\":[\"nope\"]}"});
    cases.add(new String[] {"CreateUserPoolClient", "{\"UserPoolId\":\"us-east-1_AAAAAAAAA\","
        + "\"ClientName\":\"c\",\"ExplicitAuthFlows\":[null]}"});
    cases.add(new String[] {"SignUp", "{\"ClientId\":\"abc\",\"Username\":\"u\","
        + "\"UserAttributes\":[{\"Name\":null,\"Value\":\"x\"}]}"});
    cases.add(new String[] {"AdminCreateUser", "{\"UserPoolId\":\"us-east-1_AAAAAAAAA\",\"Username\":\"u\","
        + "\"UserAttributes\":[null]}"});
    cases.add(new String[] {"ListUsers", "{\"UserPoolId\":\"us-east-1_AAAAAAAAA\",\"Limit\":\"x\"}"});
    cases.add(new String[] {"SignUp", "{\"ClientId\":\"abc\",\"Username\":\"u\",\"UserAttributes\":{}}"});
    cases.add(new String[] {"SignUp", "{\"ClientId\":\"abc\",\"Username\":\"u\",\"UserAttributes\":[null]}"});
    cases.add(new String[] {"InitiateAuth", "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"abc\","
        + "\"AuthParameters\":[]}"});
    cases.add(new String[] {"AdminGetUser", "{\"UserPoolId\":null,\"Username\":null}"});
    cases.add(new String[] {"GetUser", "{\"AccessToken\":\"not.a.jwt\"}"});
    cases.add(new String[] {"GetUser", "{\"AccessToken\":\"eyJhbGciOiJub25lIn0.e30.\"}"});
    cases.add(new String[] {"RevokeToken", "{\"Token\":\"abc.def\",\"ClientId\":\"abc\"}"});
    cases.add(new String[] {"DescribeUserPool", "{\"UserPoolId\":\"\\ud800\"}"});
    cases.add(new String[] {"DescribeUserPool", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)});
    cases.add(new String[] {"NoSuchOperation", "{"});

    List<String> problems = new ArrayList<>();
    for (String[] c : cases) {
      HttpResponse<String> response = call(c[0], c[1]);
      String what = c[0] + " " + abbreviate(c[1]) + " -> " + response.statusCode() + " " + response.body();
      try {
        assertEquals(400, response.statusCode(), what);
        assertNoStackTrace(response, what);
        JsonNode json = body(response);
        assertEquals(twoKeys(), keys(json), what);
        assertNotEquals("InternalErrorException", json.get("__type").asText(), what);
      } catch (AssertionError e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      fail("bad inputs answered wrongly:\n" + String.join("\n", problems));
    }

    // Invalid UTF-8 bytes.
    HttpResponse<String> binary =
        send(
            HttpRequest.newBuilder(cognate.endpoint().resolve("/"))
                .header("Content-Type", AMZ_JSON)
                .header("X-Amz-Target", PREFIX + "CreateUserPool")
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        new byte[] {'{', '"', 'P', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'})));
    assertTrue(binary.statusCode() < 500, "invalid UTF-8 -> " + binary.statusCode() + " " + binary.body());
    assertNoStackTrace(binary, "invalid UTF-8");
  }

  private static void assertNoStackTrace(HttpResponse<String> response, String what) {
    String all = response.body() + "\n" + response.headers().map();
    assertFalse(all.contains("at dev.cognate"), "stack trace leaked: " + what);
    assertFalse(STACK_FRAME.matcher(all).find(), "stack frame leaked: " + what);
    assertFalse(response.body().contains("Exception:"), "exception text leaked: " + what);
    assertFalse(all.contains("com.fasterxml"), "Jackson internals leaked: " + what);
    assertFalse(all.contains("java.lang."), "Java internals leaked: " + what);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Emulator routes

  @Test
  void healthEndpoint() throws Exception {
    HttpResponse<String> response = get("/_cognate/health");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals(JSON.readTree("{\"status\":\"ok\"}"), JSON.readTree(response.body()));
  }

  @Test
  void wellKnownRoutesOfUnknownPoolAre404() throws Exception {
    assertEquals(404, get("/us-east-1_NoSuchOne/.well-known/jwks.json").statusCode());
    assertEquals(404, get("/us-east-1_NoSuchOne/.well-known/openid-configuration").statusCode());
  }

  @Test
  void jwksOfAnExistingPoolHasTwoRsaKeys() throws Exception {
    HttpResponse<String> created = call("CreateUserPool", "{\"PoolName\":\"keys\"}");
    assertEquals(200, created.statusCode(), created.body());
    String poolId = JSON.readTree(created.body()).get("UserPool").get("Id").asText();

    HttpResponse<String> response = get("/" + poolId + "/.well-known/jwks.json");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode keys = JSON.readTree(response.body()).get("keys");
    assertNotNull(keys, response.body());
    assertEquals(2, keys.size(), response.body());
    Set<String> kids = new HashSet<>();
    for (JsonNode key : keys) {
      assertEquals("RSA", key.get("kty").asText());
      assertEquals("RS256", key.get("alg").asText());
      assertEquals("sig", key.get("use").asText());
      assertEquals("AQAB", key.get("e").asText());
      assertFalse(key.has("d"), "private key material in JWKS");
      kids.add(key.get("kid").asText());
    }
    assertEquals(2, kids.size(), "kids must differ: " + kids);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers

  private HttpRequest.Builder post(String operation, String body) {
    return HttpRequest.newBuilder(cognate.endpoint().resolve("/"))
        .timeout(Duration.ofSeconds(10))
        .header("X-Amz-Target", PREFIX + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  private HttpResponse<String> call(String operation, String body) throws IOException, InterruptedException {
    return send(post(operation, body).header("Content-Type", AMZ_JSON));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return Http.get(cognate.endpoint().resolve(path));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return Http.send(request.timeout(Duration.ofSeconds(10)).build());
  }

  private static Optional<String> header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name);
  }

  private static void assertAmzJsonContentType(HttpResponse<String> response) {
    String contentType = header(response, "Content-Type").orElse("");
    assertTrue(
        contentType.toLowerCase(Locale.ROOT).startsWith(AMZ_JSON),
        "Content-Type was '" + contentType + "'");
  }

  private static JsonNode body(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("response body is not JSON: " + response.body(), e);
    }
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new HashSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  private static Set<String> twoKeys() {
    return Set.of("__type", "message");
  }

  /** Status, code in header and body, request id, exactly two body keys. */
  private static void assertErrorCode(HttpResponse<String> response, int status, String code) {
    String what = response.statusCode() + " " + response.headers().map() + " " + abbreviate(response.body());
    assertEquals(status, response.statusCode(), what);
    assertEquals(code + ":", header(response, "x-amzn-ErrorType").orElse(null), what);
    assertFalse(header(response, "x-amzn-RequestId").orElse("").isBlank(), "no x-amzn-RequestId: " + what);
    JsonNode json = body(response);
    assertTrue(json.isObject(), what);
    assertEquals(twoKeys(), keys(json), what);
    assertEquals(code, json.get("__type").asText(), what);
    assertTrue(json.get("message").isTextual(), what);
    assertNoStackTrace(response, what);
  }

  private static void assertError(HttpResponse<String> response, int status, String code, String message) {
    assertErrorCode(response, status, code);
    assertEquals(message, body(response).get("message").asText());
  }

  private static void assertValidationErrors(HttpResponse<String> response, String... parts) {
    assertErrorCode(response, 400, "InvalidParameterException");
    String message = body(response).get("message").asText();
    String prefix = parts.length + " validation errors detected: ";
    assertTrue(message.startsWith(prefix), message);
    List<String> listed = Arrays.asList(message.substring(prefix.length()).split("; "));
    assertEquals(parts.length, listed.size(), message);
    assertEquals(Set.of(parts), new HashSet<>(listed), message);
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " chars)";
  }
}
