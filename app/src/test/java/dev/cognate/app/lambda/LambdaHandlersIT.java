package dev.cognate.app.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.app.CognitoSettings;
import dev.cognate.app.IdTokenAuthorizer;
import dev.cognate.app.OriginalStack;
import dev.cognate.app.PoolKeys;
import dev.cognate.app.UserApi;
import dev.cognate.app.UserAuthService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** The four Lambda handlers, fed API Gateway proxy events, over an in-process emulator with the original stack. */
class LambdaHandlersIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Passw0rd!";
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static Cognate cognate;
  private static CognitoIdentityProviderClient cognito;
  private static CognitoSettings stack;
  private static SignupHandler signup;
  private static VerificationHandler verification;
  private static LoginHandler login;
  private static HelloHandler hello;

  @BeforeAll
  static void start() {
    cognate = Cognate.start(CognateConfig.forTests().build());
    cognito =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(cognate.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    stack = OriginalStack.create(cognito);
    UserApi api = new UserApi(new UserAuthService(cognito, stack.userPoolId(), stack.clientId()));
    signup = new SignupHandler(api);
    verification = new VerificationHandler(api);
    login = new LoginHandler(api);
    hello = new HelloHandler(api);
  }

  @AfterAll
  static void stop() {
    if (cognito != null) {
      cognito.close();
    }
    if (cognate != null) {
      cognate.close();
    }
  }

  @Test
  void signupVerificationLoginAndHelloThroughTheHandlers() throws Exception {
    String username = newName();
    String email = username + "@example.com";

    APIGatewayProxyResponseEvent signedUp =
        signup.handleRequest(post("/user/signup", json("username", username, "password", PASSWORD, "email", email)), null);
    assertResponse(201, "{\"message\":\"User registered successfully...\"}", signedUp);

    String code = cognate.outbox().lastCode(stack.userPoolId(), username).orElseThrow();
    // API Gateway base64-encodes bodies it treats as binary.
    APIGatewayProxyRequestEvent encoded =
        post("/user/verification", base64(json("username", username, "code", code))).withIsBase64Encoded(true);
    assertResponse(200, "{\"message\":\"User verified successfully ...\"}", verification.handleRequest(encoded, null));

    APIGatewayProxyResponseEvent loggedIn =
        login.handleRequest(post("/user/login", json("username", username, "password", PASSWORD)), null);
    assertEquals(200, loggedIn.getStatusCode());
    assertCors(loggedIn);
    Map<String, Object> body = JSON.readValue(loggedIn.getBody(), Map.class);
    assertEquals(List.of("message", "token"), new ArrayList<>(body.keySet()));
    assertEquals("User logged in successfully ...", body.get("message"));
    String token = (String) body.get("token");
    assertEquals("id", SignedJWT.parse(token).getJWTClaimsSet().getClaim("token_use"));

    // What API Gateway's authorizer hands the function: the verified token's claims as a flat map of strings.
    String issuer = CognitoSettings.issuer(cognate.endpoint(), stack.userPoolId());
    Map<String, String> claims =
        new IdTokenAuthorizer(
                issuer,
                stack.clientId(),
                new PoolKeys(URI.create(issuer + "/.well-known/jwks.json"), Clock.systemUTC()),
                Clock.systemUTC())
            .authorize(token)
            .claims()
            .orElseThrow();
    APIGatewayProxyResponseEvent authorized = hello.handleRequest(helloEvent(claims, "Bearer " + token), null);
    assertResponse(200, "{\"message\":\"Email " + email + " has been authorized\"}", authorized);
  }

  @Test
  void helloReadsTheEmailFromTheAuthorizerClaimsAsApiGatewayPassesThem() {
    Map<String, String> claims = new LinkedHashMap<>();
    claims.put("sub", "5c4f8a4e-3b1d-4a4e-9b55-1c3f2d7e8a90");
    claims.put("email_verified", "true");
    claims.put("iss", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyZ");
    claims.put("cognito:username", "carol");
    claims.put("origin_jti", "0f6c1d3e-8f1b-4c4e-a1e7-2e6f4b1c9d22");
    claims.put("aud", "7example23456789abcdefghij");
    claims.put("event_id", "c1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6");
    claims.put("token_use", "id");
    claims.put("auth_time", "1714565422");
    claims.put("exp", "Wed May 01 13:10:22 UTC 2024");
    claims.put("iat", "Wed May 01 12:10:22 UTC 2024");
    claims.put("jti", "3b0f6d1c-2a4e-4f7b-9c8d-5e6f7a8b9c0d");
    claims.put("email", "carol@example.com");

    APIGatewayProxyResponseEvent response = hello.handleRequest(helloEvent(claims, "eyJraWQiOi..."), null);
    assertResponse(200, "{\"message\":\"Email carol@example.com has been authorized\"}", response);
  }

  @Test
  void aBase64BodyNotMarkedAsSuchIsNotDecoded() {
    String username = newName();
    String encoded = base64(json("username", username, "password", PASSWORD, "email", username + "@example.com"));
    APIGatewayProxyResponseEvent raw = signup.handleRequest(post("/user/signup", encoded).withIsBase64Encoded(false), null);
    assertResponse(400, "{\"message\":\"Invalid request body\"}", raw);
    assertNeverSignedUp(username);

    APIGatewayProxyResponseEvent decoded =
        signup.handleRequest(post("/user/signup", encoded).withIsBase64Encoded(true), null);
    assertResponse(201, "{\"message\":\"User registered successfully...\"}", decoded);
  }

  @Test
  void bodiesOutsideTheSchemaAre400AndNeverReachCognito() {
    String username = newName();
    List<String> bodies =
        List.of(
            "not json",
            "[]",
            json("username", username, "password", PASSWORD),
            json("username", username, "password", PASSWORD, "email", ""),
            "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"email\":42}",
            "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"email\":null}",
            "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"email\":{}}");
    for (String body : bodies) {
      assertResponse(400, "{\"message\":\"Invalid request body\"}", signup.handleRequest(post("/user/signup", body), null));
    }
    assertResponse(
        400, "{\"message\":\"Invalid request body\"}", signup.handleRequest(post("/user/signup", null), null));
    assertResponse(
        400, "{\"message\":\"Invalid request body\"}", verification.handleRequest(post("/user/verification", "{}"), null));
    assertResponse(
        400,
        "{\"message\":\"Invalid request body\"}",
        login.handleRequest(post("/user/login", json("username", username)), null));
    assertNeverSignedUp(username);
  }

  @Test
  void cognitoFailuresKeepTheOriginalShapeWithHonestStatuses() {
    String username = newName();
    String body = json("username", username, "password", PASSWORD, "email", username + "@example.com");
    assertEquals(201, signup.handleRequest(post("/user/signup", body), null).getStatusCode());

    assertResponse(
        409,
        "{\"message\":\"Registration failed\",\"error\":\"User already exists\"}",
        signup.handleRequest(post("/user/signup", body), null));
    assertResponse(
        403,
        "{\"message\":\"Authentication failed\",\"error\":\"User is not confirmed.\"}",
        login.handleRequest(post("/user/login", json("username", username, "password", PASSWORD)), null));
    String code = cognate.outbox().lastCode(stack.userPoolId(), username).orElseThrow();
    String wrong = code.equals("000000") ? "111111" : "000000";
    assertResponse(
        400,
        "{\"message\":\"User verification failed\",\"error\":\"Invalid verification code provided, please try again.\"}",
        verification.handleRequest(post("/user/verification", json("username", username, "code", wrong)), null));
    assertEquals(
        UserStatusType.UNCONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(stack.userPoolId()).username(username)).userStatus());
    assertEquals(
        200,
        verification.handleRequest(post("/user/verification", json("username", username, "code", code)), null)
            .getStatusCode());
    assertResponse(
        401,
        "{\"message\":\"Authentication failed\",\"error\":\"Incorrect username or password.\"}",
        login.handleRequest(post("/user/login", json("username", username, "password", "Wrong-" + PASSWORD)), null));
    assertResponse(
        404,
        "{\"message\":\"User verification failed\",\"error\":\"Username/client id combination not found.\"}",
        verification.handleRequest(post("/user/verification", json("username", "nobody-" + username, "code", code)), null));
  }

  // ---------------------------------------------------------------- helpers

  private static String newName() {
    return "lambda" + NAMES.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000);
  }

  private static APIGatewayProxyRequestEvent post(String path, String body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Host", "abcdef1234.execute-api.us-east-1.amazonaws.com");
    headers.put("Origin", "http://localhost:3000");
    return new APIGatewayProxyRequestEvent()
        .withResource(path)
        .withPath(path)
        .withHttpMethod("POST")
        .withHeaders(headers)
        .withRequestContext(requestContext(path, "POST"))
        .withBody(body)
        .withIsBase64Encoded(false);
  }

  private static APIGatewayProxyRequestEvent helloEvent(Map<String, String> claims, String authorization) {
    APIGatewayProxyRequestEvent.ProxyRequestContext context = requestContext("/user/hello", "GET");
    Map<String, Object> authorizer = new HashMap<>();
    authorizer.put("claims", claims);
    context.setAuthorizer(authorizer);
    return new APIGatewayProxyRequestEvent()
        .withResource("/user/hello")
        .withPath("/user/hello")
        .withHttpMethod("GET")
        .withHeaders(Map.of("Authorization", authorization, "Host", "abcdef1234.execute-api.us-east-1.amazonaws.com"))
        .withRequestContext(context)
        .withIsBase64Encoded(false);
  }

  private static APIGatewayProxyRequestEvent.ProxyRequestContext requestContext(String path, String method) {
    APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setAccountId("123456789012");
    context.setApiId("abcdef1234");
    context.setStage("dev");
    context.setResourcePath(path);
    context.setPath("/dev" + path);
    context.setHttpMethod(method);
    context.setRequestId("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    return context;
  }

  private static String json(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    try {
      return JSON.writeValueAsString(fields);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertResponse(int status, String body, APIGatewayProxyResponseEvent response) {
    assertEquals(status, response.getStatusCode());
    assertEquals(body, response.getBody());
    assertCors(response);
  }

  private static void assertCors(APIGatewayProxyResponseEvent response) {
    assertEquals(
        Map.of(
            "Content-Type", "application/json",
            "Access-Control-Allow-Origin", "*",
            "Access-Control-Allow-Credentials", "true"),
        response.getHeaders());
  }

  private static void assertNeverSignedUp(String username) {
    assertTrue(cognate.outbox().codes(stack.userPoolId(), username).isEmpty(), "no code was sent");
    try {
      cognito.adminGetUser(b -> b.userPoolId(stack.userPoolId()).username(username));
      throw new AssertionError(username + " should not exist");
    } catch (UserNotFoundException expected) {
      // Cognito was never asked to create the user.
    }
  }
}
