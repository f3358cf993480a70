package dev.cognate.app;

import dev.cognate.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.app.local.LocalServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * The app end to end over real HTTP: the local server on a free port, backed by an in-process emulator holding the
 * original pool and client, driven the way a browser would drive the original API.
 */
class UserRoutesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Passw0rd!";
  private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
  private static final String EXPIRED = "{\"message\":\"The incoming token has expired\"}";
  private static final String INVALID_BODY = "{\"message\":\"Invalid request body\"}";
  private static final String GENERIC = "The identity service is unavailable; please try again later.";
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final List<AutoCloseable> CLOSE = new ArrayList<>();

  private static Cognate cognate;
  private static CognitoIdentityProviderClient cognito;
  private static CognitoSettings stack;
  private static LocalServer server;

  // A second emulator whose clock stands 6 hours in the past: its 5-hour ID tokens expired an hour ago.
  private static Cognate pastCognate;
  private static CognitoIdentityProviderClient pastCognito;
  private static CognitoSettings pastStack;
  private static LocalServer pastServer;

  @BeforeAll
  static void start() {
    cognate = closeLater(Cognate.start(CognateConfig.forTests().build()));
    cognito = closeLater(CognitoSettings.localClient(cognate.endpoint(), "us-east-1"));
    stack = OriginalStack.create(cognito);
    server = closeLater(serve(cognate, cognito, stack));

    pastCognate =
        closeLater(
            Cognate.start(CognateConfig.forTests().clock(new MutableClock(Instant.now().minus(Duration.ofHours(6)))).build()));
    pastCognito = closeLater(CognitoSettings.localClient(pastCognate.endpoint(), "us-east-1"));
    pastStack = OriginalStack.create(pastCognito);
    pastServer = closeLater(serve(pastCognate, pastCognito, pastStack));
  }

  @AfterAll
  static void stop() throws Exception {
    for (int i = CLOSE.size() - 1; i >= 0; i--) {
      CLOSE.get(i).close();
    }
    CLOSE.clear();
  }

  // ---------------------------------------------------------------- the happy path

  @Test
  void signupVerificationLoginAndHelloWithTheIdToken() throws Exception {
    String username = newName();
    String email = username + "@example.com";

    HttpResponse<String> signup = post(server, "/user/signup", signupBody(username, PASSWORD, email));
    assertEquals(201, signup.statusCode());
    assertEquals("{\"message\":\"User registered successfully...\"}", signup.body());
    assertCors(signup);

    String code = cognate.outbox().lastCode(stack.userPoolId(), username).orElseThrow();
    HttpResponse<String> verification = post(server, "/user/verification", verificationBody(username, code));
    assertEquals(200, verification.statusCode());
    assertEquals("{\"message\":\"User verified successfully ...\"}", verification.body());
    assertCors(verification);

    HttpResponse<String> login = post(server, "/user/login", loginBody(username, PASSWORD));
    assertEquals(200, login.statusCode());
    assertCors(login);
    Map<String, Object> loginBody = JSON.readValue(login.body(), Map.class);
    assertEquals(List.of("message", "token"), new ArrayList<>(loginBody.keySet()));
    assertEquals("User logged in successfully ...", loginBody.get("message"));
    String token = (String) loginBody.get("token");
    JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
    assertEquals("id", claims.getClaim("token_use"), "the login answers the ID token");
    assertEquals(email, claims.getStringClaim("email"));
    assertEquals(List.of(stack.clientId()), claims.getAudience());
    assertEquals(CognitoSettings.issuer(cognate.endpoint(), stack.userPoolId()), claims.getIssuer());

    String authorized = "{\"message\":\"Email " + email + " has been authorized\"}";
    HttpResponse<String> raw = hello(server, token);
    assertEquals(200, raw.statusCode());
    assertEquals(authorized, raw.body());
    assertCors(raw);

    HttpResponse<String> bearer = hello(server, "Bearer " + token);
    assertEquals(200, bearer.statusCode());
    assertEquals(authorized, bearer.body());
  }

  // ---------------------------------------------------------------- the authorizer

  @Test
  void helloWithoutAnAuthorizationHeaderIsUnauthorized() throws Exception {
    HttpResponse<String> response = hello(server, null);
    assertEquals(401, response.statusCode());
    assertEquals(UNAUTHORIZED, response.body());
    assertCors(response);
  }

  @Test
  void helloWithAnEmptyOrGarbageHeaderIsUnauthorized() throws Exception {
    for (String header : List.of("Bearer", "Bearer ", "not-a-token", "a.b.c")) {
      HttpResponse<String> response = hello(server, header);
      assertEquals(401, response.statusCode(), header);
      assertEquals(UNAUTHORIZED, response.body(), header);
    }
  }

  @Test
  void helloWithATamperedTokenIsUnauthorized() throws Exception {
    String username = newName();
    String token = registeredUserToken(username);
    String[] parts = token.split("\\.");
    ObjectNode payload = (ObjectNode) JSON.readTree(Base64URL.from(parts[1]).decode());
    payload.put("email", "mallory@example.com");
    String tampered =
        parts[0] + "." + Base64URL.encode(JSON.writeValueAsBytes(payload)) + "." + parts[2];

    HttpResponse<String> response = hello(server, tampered);
    assertEquals(401, response.statusCode());
    assertEquals(UNAUTHORIZED, response.body());

    // A flipped signature character is refused as well.
    char last = parts[2].charAt(0);
    String badSignature = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
    HttpResponse<String> second = hello(server, "Bearer " + badSignature);
    assertEquals(401, second.statusCode());
    assertEquals(UNAUTHORIZED, second.body());
  }

  @Test
  void helloWithAnAccessTokenIsUnauthorized() throws Exception {
    String username = newName();
    registeredUserToken(username);
    AuthenticationResultType tokens = adminLogin(cognito, stack, username);
    assertEquals("access", SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getClaim("token_use"));

    HttpResponse<String> raw = hello(server, tokens.accessToken());
    assertEquals(401, raw.statusCode());
    assertEquals(UNAUTHORIZED, raw.body());
    HttpResponse<String> bearer = hello(server, "Bearer " + tokens.accessToken());
    assertEquals(401, bearer.statusCode());
    assertEquals(UNAUTHORIZED, bearer.body());

    // The ID token of the same sign-in passes: the refusal is about the token's kind.
    assertEquals(200, hello(server, tokens.idToken()).statusCode());
  }

  @Test
  void helloWithAnHs256TokenIsUnauthorized() throws Exception {
    String username = newName();
    SignedJWT genuine = SignedJWT.parse(registeredUserToken(username));
    // Same claims and kid, "signed" with a shared secret instead of the pool's RSA key.
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(genuine.getHeader().getKeyID()).build(),
            genuine.getJWTClaimsSet());
    forged.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));

    HttpResponse<String> response = hello(server, forged.serialize());
    assertEquals(401, response.statusCode());
    assertEquals(UNAUTHORIZED, response.body());
  }

  @Test
  void helloWithAnAlgNoneTokenIsUnauthorized() throws Exception {
    String username = newName();
    String token = registeredUserToken(username);
    String[] parts = token.split("\\.");
    String kid = SignedJWT.parse(token).getHeader().getKeyID();
    String header =
        Base64URL.encode(("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8)).toString();

    for (String unsigned : List.of(header + "." + parts[1] + ".", header + "." + parts[1] + "." + parts[2])) {
      HttpResponse<String> response = hello(server, unsigned);
      assertEquals(401, response.statusCode(), unsigned);
      assertEquals(UNAUTHORIZED, response.body(), unsigned);
    }
  }

  @Test
  void helloWithAnIdTokenOfAnotherPoolIsUnauthorized() throws Exception {
    CognitoSettings other = OriginalStack.create(cognito);
    assertNotEquals(stack.userPoolId(), other.userPoolId());
    String username = newName();
    cognito.signUp(
        b -> b.clientId(other.clientId())
            .username(username)
            .password(PASSWORD)
            .userAttributes(a -> a.name("email").value(username + "@example.com")));
    cognito.adminConfirmSignUp(b -> b.userPoolId(other.userPoolId()).username(username));
    String foreign = adminLogin(cognito, other, username).idToken();

    HttpResponse<String> response = hello(server, foreign);
    assertEquals(401, response.statusCode());
    assertEquals(UNAUTHORIZED, response.body());
    HttpResponse<String> bearer = hello(server, "Bearer " + foreign);
    assertEquals(401, bearer.statusCode());
    assertEquals(UNAUTHORIZED, bearer.body());
  }

  @Test
  void helloWithAnExpiredIdTokenSaysSo() throws Exception {
    String username = newName();
    String email = username + "@example.com";
    assertEquals(201, post(pastServer, "/user/signup", signupBody(username, PASSWORD, email)).statusCode());
    String code = pastCognate.outbox().lastCode(pastStack.userPoolId(), username).orElseThrow();
    assertEquals(200, post(pastServer, "/user/verification", verificationBody(username, code)).statusCode());
    HttpResponse<String> login = post(pastServer, "/user/login", loginBody(username, PASSWORD));
    assertEquals(200, login.statusCode());
    String token = (String) JSON.readValue(login.body(), Map.class).get("token");
    Instant exp = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
    assertTrue(exp.isBefore(Instant.now()), "issued 6 hours ago with a 5-hour validity");

    HttpResponse<String> response = hello(pastServer, token);
    assertEquals(401, response.statusCode());
    assertEquals(EXPIRED, response.body());
    assertCors(response);
    HttpResponse<String> bearer = hello(pastServer, "Bearer " + token);
    assertEquals(401, bearer.statusCode());
    assertEquals(EXPIRED, bearer.body());

    // Only its age is wrong: an authorizer whose clock stands at the issuing time accepts the same token.
    String issuer = CognitoSettings.issuer(pastCognate.endpoint(), pastStack.userPoolId());
    MutableClock thatTime = new MutableClock(exp.minus(Duration.ofHours(1)));
    IdTokenAuthorizer.Decision then =
        new IdTokenAuthorizer(
                issuer, pastStack.clientId(), new PoolKeys(URI.create(issuer + "/.well-known/jwks.json"), thatTime), thatTime)
            .authorize(token);
    assertEquals(email, then.claims().orElseThrow().get("email"));
  }

  // ---------------------------------------------------------------- the error table, as the emulator produces it

  @Test
  void signupWithATooShortPasswordIs400() throws Exception {
    String username = newName();
    HttpResponse<String> response = post(server, "/user/signup", signupBody(username, "abc", username + "@example.com"));
    assertEquals(400, response.statusCode());
    assertEquals(
        "{\"message\":\"Registration failed\",\"error\":\"Password did not conform with policy: Password not long enough\"}",
        response.body());
    assertCors(response);
  }

  @Test
  void signupWithAnInvalidEmailIs400() throws Exception {
    HttpResponse<String> response = post(server, "/user/signup", signupBody(newName(), PASSWORD, "not-an-email"));
    assertEquals(400, response.statusCode());
    assertEquals("{\"message\":\"Registration failed\",\"error\":\"Invalid email address format.\"}", response.body());
  }

  @Test
  void verificationWithAWrongCodeIs400() throws Exception {
    String username = newName();
    signUp(username);
    String code = cognate.outbox().lastCode(stack.userPoolId(), username).orElseThrow();
    String wrong = code.equals("000000") ? "111111" : "000000";
    HttpResponse<String> response = post(server, "/user/verification", verificationBody(username, wrong));
    assertEquals(400, response.statusCode());
    assertEquals(
        "{\"message\":\"User verification failed\",\"error\":\"Invalid verification code provided, please try again.\"}",
        response.body());
    assertCors(response);
  }

  @Test
  void verificationWithAnExpiredCodeIs400() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    try (Cognate timed = Cognate.start(CognateConfig.forTests().clock(clock).build());
        CognitoIdentityProviderClient timedCognito = CognitoSettings.localClient(timed.endpoint(), "us-east-1")) {
      CognitoSettings timedStack = OriginalStack.create(timedCognito);
      try (LocalServer timedServer = serve(timed, timedCognito, timedStack)) {
        String username = newName();
        assertEquals(
            201,
            post(timedServer, "/user/signup", signupBody(username, PASSWORD, username + "@example.com")).statusCode());
        String code = timed.outbox().lastCode(timedStack.userPoolId(), username).orElseThrow();
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        HttpResponse<String> response = post(timedServer, "/user/verification", verificationBody(username, code));
        assertEquals(400, response.statusCode());
        assertEquals(
            "{\"message\":\"User verification failed\",\"error\":\"Invalid code provided, please request a code again.\"}",
            response.body());
      }
    }
  }

  @Test
  void loginWithAWrongPasswordIs401() throws Exception {
    String username = newName();
    registeredUserToken(username);
    HttpResponse<String> response = post(server, "/user/login", loginBody(username, "WrongPassw0rd!"));
    assertEquals(401, response.statusCode());
    assertEquals("{\"message\":\"Authentication failed\",\"error\":\"Incorrect username or password.\"}", response.body());
    assertCors(response);
  }

  @Test
  void loginOfAnUnknownUserIs401WithTheSameText() throws Exception {
    HttpResponse<String> response = post(server, "/user/login", loginBody("nobody-" + newName(), PASSWORD));
    assertEquals(401, response.statusCode());
    assertEquals("{\"message\":\"Authentication failed\",\"error\":\"Incorrect username or password.\"}", response.body());
  }

  @Test
  void loginOfAnUnconfirmedUserIs403() throws Exception {
    String username = newName();
    signUp(username);
    HttpResponse<String> response = post(server, "/user/login", loginBody(username, PASSWORD));
    assertEquals(403, response.statusCode());
    assertEquals("{\"message\":\"Authentication failed\",\"error\":\"User is not confirmed.\"}", response.body());
  }

  @Test
  void verificationOfAnUnknownUserIs404() throws Exception {
    HttpResponse<String> response = post(server, "/user/verification", verificationBody("nobody-" + newName(), "123456"));
    assertEquals(404, response.statusCode());
    assertEquals(
        "{\"message\":\"User verification failed\",\"error\":\"Username/client id combination not found.\"}",
        response.body());
  }

  @Test
  void signupOfATakenUsernameIs409() throws Exception {
    String username = newName();
    signUp(username);
    HttpResponse<String> response =
        post(server, "/user/signup", signupBody(username, PASSWORD, "other-" + username + "@example.com"));
    assertEquals(409, response.statusCode());
    assertEquals("{\"message\":\"Registration failed\",\"error\":\"User already exists\"}", response.body());
  }

  @Test
  void verifyingTwiceIs409() throws Exception {
    String username = newName();
    signUp(username);
    String code = cognate.outbox().lastCode(stack.userPoolId(), username).orElseThrow();
    assertEquals(200, post(server, "/user/verification", verificationBody(username, code)).statusCode());
    HttpResponse<String> again = post(server, "/user/verification", verificationBody(username, code));
    assertEquals(409, again.statusCode());
    assertEquals(
        "{\"message\":\"User verification failed\",\"error\":\"User cannot be confirmed. Current status is CONFIRMED\"}",
        again.body());
  }

  @Test
  void anAppConfiguredWithAClientThatDoesNotExistAnswers502WithTheGenericMessage() throws Exception {
    CognitoSettings wrong = new CognitoSettings(stack.userPoolId(), "1example23456789abcdefghij");
    try (LocalServer misconfigured = serve(cognate, cognito, wrong)) {
      String username = newName();
      HttpResponse<String> signup =
          post(misconfigured, "/user/signup", signupBody(username, PASSWORD, username + "@example.com"));
      assertEquals(502, signup.statusCode());
      assertEquals("{\"message\":\"Registration failed\",\"error\":\"" + GENERIC + "\"}", signup.body());
      assertCors(signup);

      HttpResponse<String> verification = post(misconfigured, "/user/verification", verificationBody(username, "123456"));
      assertEquals(502, verification.statusCode());
      assertEquals("{\"message\":\"User verification failed\",\"error\":\"" + GENERIC + "\"}", verification.body());

      HttpResponse<String> login = post(misconfigured, "/user/login", loginBody(username, PASSWORD));
      assertEquals(502, login.statusCode());
      assertEquals("{\"message\":\"Authentication failed\",\"error\":\"" + GENERIC + "\"}", login.body());
    }
  }

  // ---------------------------------------------------------------- request validation

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "not json",
        "{\"username\":",
        "[{\"username\":\"USER\",\"password\":\"Passw0rd!\",\"email\":\"USER@example.com\"}]",
        "\"USER\"",
        "null",
        "{\"username\":\"USER\",\"password\":\"Passw0rd!\"}",
        "{\"username\":\"USER\",\"email\":\"USER@example.com\"}",
        "{\"password\":\"Passw0rd!\",\"email\":\"USER@example.com\"}",
        "{\"username\":\"USER\",\"password\":\"Passw0rd!\",\"email\":\"\"}",
        "{\"username\":\"USER\",\"password\":\"\",\"email\":\"USER@example.com\"}",
        "{\"username\":\"\",\"password\":\"Passw0rd!\",\"email\":\"USER@example.com\"}",
        "{\"username\":\"USER\",\"password\":\"Passw0rd!\",\"email\":123}",
        "{\"username\":\"USER\",\"password\":123456789,\"email\":\"USER@example.com\"}",
        "{\"username\":\"USER\",\"password\":\"Passw0rd!\",\"email\":null}",
        "{\"username\":\"USER\",\"password\":\"Passw0rd!\",\"email\":true}",
        "{\"username\":\"USER\",\"password\":\"Passw0rd!\",\"email\":{\"address\":\"USER@example.com\"}}",
        "{\"username\":\"USER\",\"password\":\"Passw0rd!\",\"email\":[\"USER@example.com\"]}",
        "{\"username\":{\"name\":\"USER\"},\"password\":\"Passw0rd!\",\"email\":\"USER@example.com\"}",
      })
  void signupBodiesOutsideTheSchemaAre400AndNeverReachCognito(String template) throws Exception {
    String username = newName();
    HttpResponse<String> response = post(server, "/user/signup", template.replace("USER", username));
    assertEquals(400, response.statusCode());
    assertEquals(INVALID_BODY, response.body());
    assertCors(response);
    assertNeverSignedUp(username);
  }

  /** Text after the JSON object makes the body invalid JSON, which API Gateway's validator refuses. */
  @Test
  void aSignupBodyWithTrailingTextAfterTheObjectIs400AndNeverReachesCognito() throws Exception {
    String username = newName();
    String body = signupBody(username, PASSWORD, username + "@example.com") + " trailing";
    HttpResponse<String> response = post(server, "/user/signup", body);
    assertEquals(400, response.statusCode());
    assertEquals(INVALID_BODY, response.body());
    assertNeverSignedUp(username);
  }

  @Test
  void verificationBodiesOutsideTheSchemaAre400AndNeverReachCognito() throws Exception {
    String username = newName();
    signUp(username);
    String code = cognate.outbox().lastCode(stack.userPoolId(), username).orElseThrow();
    List<String> bodies =
        List.of(
            "not json",
            "[]",
            "{\"username\":\"" + username + "\"}",
            "{\"code\":\"" + code + "\"}",
            "{\"username\":\"" + username + "\",\"code\":\"\"}",
            "{\"username\":\"" + username + "\",\"code\":" + Long.parseLong(code) + "}",
            "{\"username\":\"" + username + "\",\"code\":null}",
            "{\"username\":\"" + username + "\",\"code\":{\"value\":\"" + code + "\"}}");
    for (String body : bodies) {
      HttpResponse<String> response = post(server, "/user/verification", body);
      assertEquals(400, response.statusCode(), body);
      assertEquals(INVALID_BODY, response.body(), body);
    }
    assertEquals(
        UserStatusType.UNCONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(stack.userPoolId()).username(username)).userStatus(),
        "no verification reached Cognito");
    assertEquals(200, post(server, "/user/verification", verificationBody(username, code)).statusCode());
  }

  @Test
  void loginBodiesOutsideTheSchemaAre400() throws Exception {
    String username = newName();
    registeredUserToken(username);
    List<String> bodies =
        List.of(
            "not json",
            "[\"" + username + "\"]",
            "{\"username\":\"" + username + "\"}",
            "{\"password\":\"" + PASSWORD + "\"}",
            "{\"username\":\"" + username + "\",\"password\":\"\"}",
            "{\"username\":\"" + username + "\",\"password\":12345678}",
            "{\"username\":\"" + username + "\",\"password\":null}",
            "{\"username\":{},\"password\":\"" + PASSWORD + "\"}");
    for (String body : bodies) {
      HttpResponse<String> response = post(server, "/user/login", body);
      assertEquals(400, response.statusCode(), body);
      assertEquals(INVALID_BODY, response.body(), body);
    }
  }

  // ---------------------------------------------------------------- CORS

  @Test
  void thePreflightAllowsAnyOriginTheMethodsAndTheAuthorizationHeader() throws Exception {
    for (String path : List.of("/user/signup", "/user/verification", "/user/login", "/user/hello")) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(url(server, path))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "http://localhost:3000")
                  .header("Access-Control-Request-Method", path.endsWith("hello") ? "GET" : "POST")
                  .header("Access-Control-Request-Headers", "authorization,content-type")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(204, response.statusCode(), path);
      assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
      String methods = response.headers().firstValue("Access-Control-Allow-Methods").orElse("");
      assertTrue(methods.contains("POST") && methods.contains("GET") && methods.contains("OPTIONS"), methods);
      String headers = response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase();
      assertTrue(headers.contains("authorization") && headers.contains("content-type"), headers);
    }
  }

  // ---------------------------------------------------------------- what API Gateway answers itself

  @Test
  void anUnknownRouteOrMethodIs403MissingAuthenticationTokenAsApiGatewaySaysIt() throws Exception {
    List<String[]> requests =
        List.of(
            new String[] {"GET", "/"},
            new String[] {"GET", "/user/unknown"},
            new String[] {"POST", "/user/hello"},
            new String[] {"GET", "/user/signup"},
            new String[] {"DELETE", "/user/login"},
            new String[] {"PUT", "/user/verification"});
    for (String[] request : requests) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(url(server, request[1]))
                  .method(request[0], HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(403, response.statusCode(), request[0] + " " + request[1]);
      assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body(), request[0] + " " + request[1]);
      assertCors(response);
    }
  }

  @Test
  void aBodyOverTenMegabytesIs413RequestTooLongAndABodyOfTenIsRead() throws Exception {
    int limit = 10 * 1024 * 1024;
    HttpResponse<String> tooLong = post(server, "/user/signup", "x".repeat(limit + 1));
    assertEquals(413, tooLong.statusCode());
    assertEquals("{\"message\":\"Request Too Long\"}", tooLong.body());
    assertCors(tooLong);

    HttpResponse<String> atTheLimit = post(server, "/user/signup", "x".repeat(limit));
    assertEquals(400, atTheLimit.statusCode());
    assertEquals(INVALID_BODY, atTheLimit.body());
    System.out.println("UserRoutesIT: a body of " + (limit + 1) + " bytes is refused 413, one of " + limit + " is read");
  }

  // ---------------------------------------------------------------- helpers

  private static <T extends AutoCloseable> T closeLater(T resource) {
    CLOSE.add(resource);
    return resource;
  }

  private static LocalServer serve(Cognate emulator, CognitoIdentityProviderClient client, CognitoSettings settings) {
    String issuer = CognitoSettings.issuer(emulator.endpoint(), settings.userPoolId());
    UserApi api = new UserApi(new UserAuthService(client, settings.userPoolId(), settings.clientId()));
    PoolKeys keys = new PoolKeys(URI.create(issuer + "/.well-known/jwks.json"), Clock.systemUTC());
    IdTokenAuthorizer authorizer = new IdTokenAuthorizer(issuer, settings.clientId(), keys, Clock.systemUTC());
    return LocalServer.start(api, authorizer, "127.0.0.1", 0);
  }

  private static String newName() {
    return "user" + NAMES.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000);
  }

  private static void signUp(String username) throws Exception {
    HttpResponse<String> response = post(server, "/user/signup", signupBody(username, PASSWORD, username + "@example.com"));
    assertEquals(201, response.statusCode(), response.body());
  }

  /** Signs up, verifies and logs in through the app; answers the ID token. */
  private static String registeredUserToken(String username) throws Exception {
    signUp(username);
    String code = cognate.outbox().lastCode(stack.userPoolId(), username).orElseThrow();
    assertEquals(200, post(server, "/user/verification", verificationBody(username, code)).statusCode());
    HttpResponse<String> login = post(server, "/user/login", loginBody(username, PASSWORD));
    assertEquals(200, login.statusCode(), login.body());
    return (String) JSON.readValue(login.body(), Map.class).get("token");
  }

  private static AuthenticationResultType adminLogin(
      CognitoIdentityProviderClient client, CognitoSettings settings, String username) {
    return client
        .adminInitiateAuth(
            b -> b.userPoolId(settings.userPoolId())
                .clientId(settings.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)))
        .authenticationResult();
  }

  private static void assertNeverSignedUp(String username) {
    assertTrue(cognate.outbox().codes(stack.userPoolId(), username).isEmpty(), "no code was sent to " + username);
    assertThrows(
        UserNotFoundException.class,
        () -> cognito.adminGetUser(b -> b.userPoolId(stack.userPoolId()).username(username)),
        username + " does not exist");
  }

  private static void assertCors(HttpResponse<String> response) {
    assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertEquals("true", response.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        response.headers().toString());
  }

  private static String signupBody(String username, String password, String email) throws IOException {
    return JSON.writeValueAsString(Map.of("username", username, "password", password, "email", email));
  }

  private static String verificationBody(String username, String code) throws IOException {
    return JSON.writeValueAsString(Map.of("username", username, "code", code));
  }

  private static String loginBody(String username, String password) throws IOException {
    return JSON.writeValueAsString(Map.of("username", username, "password", password));
  }

  private static URI url(LocalServer target, String path) {
    return URI.create("http://127.0.0.1:" + target.port() + path);
  }

  private static HttpResponse<String> post(LocalServer target, String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url(target, path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> hello(LocalServer target, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(target, "/user/hello")).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
