package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUp;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.EmulatorClock;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.TestEmulator;
import dev.cognate.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * The emulator's clock as tests move it, through the Java API and through {@code /_cognate/clock}: codes, temporary
 * passwords, challenge sessions, access and refresh tokens expire by it, and tokens are dated by it.
 */
class ClockControlIT {
  private static final String EXPIRED_CODE = "Invalid code provided, please request a code again.";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();

  private final Cognate cognate = emulator.cognate();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  void advancingTheJavaClockExpiresASignUpCode() {
    Pool pool = passwordPool();
    signUp(cognito, pool, "ann", "ann@example.com");
    String code = cognate.outbox().lastCode(pool.poolId(), "ann").orElseThrow();

    cognate.clock().advance(Duration.ofHours(24).plusSeconds(1));

    assertCognitoError(
        ExpiredCodeException.class,
        EXPIRED_CODE,
        () -> cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("ann").confirmationCode(code)));
  }

  @Test
  void advancingTheJavaClockExpiresAccessTokensAndDatesNewOnes() throws Exception {
    Pool pool = passwordPool();
    signUpConfirmed(cognito, cognate, pool, "bo", "secret1", attr("email", "bo@example.com"));
    AuthenticationResultType before = signIn(cognito, pool.clientId(), "bo", "secret1");

    cognate.clock().advance(Duration.ofHours(1).plusSeconds(1));

    assertCognitoError(
        NotAuthorizedException.class,
        "Access Token has expired",
        () -> cognito.getUser(r -> r.accessToken(before.accessToken())));
    Instant earliest = cognate.clock().instant();
    AuthenticationResultType after = signIn(cognito, pool.clientId(), "bo", "secret1");
    Instant latest = cognate.clock().instant();
    for (String token : new String[] {after.accessToken(), after.idToken()}) {
      JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
      long iat = claims.getIssueTime().toInstant().getEpochSecond();
      assertTrue(
          iat >= earliest.getEpochSecond() && iat <= latest.getEpochSecond(),
          "iat " + iat + " follows the moved clock, " + earliest + " to " + latest);
      assertEquals(iat + 3600, claims.getExpirationTime().toInstant().getEpochSecond());
      assertEquals(iat, ((Number) claims.getClaim("auth_time")).longValue());
    }
    assertEquals("bo", cognito.getUser(r -> r.accessToken(after.accessToken())).username());
  }

  @Test
  void refreshTokensExpireByTheClock() {
    Pool pool = passwordPool();
    signUpConfirmed(cognito, cognate, pool, "cy", "secret1", attr("email", "cy@example.com"));
    AuthenticationResultType tokens = signIn(cognito, pool.clientId(), "cy", "secret1");

    cognate.clock().advance(Duration.ofDays(30).plusSeconds(1));

    assertCognitoError(
        NotAuthorizedException.class,
        "Refresh Token has expired",
        () -> cognito.initiateAuth(
            r -> r.clientId(pool.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))));
  }

  @Test
  void temporaryPasswordsAndChallengeSessionsExpireByTheClock() {
    Pool pool = Pools.pool(
        cognito,
        p -> {},
        c -> c.explicitAuthFlows(
            ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
    for (String name : new String[] {"dee", "eve"}) {
      cognito.adminCreateUser(
          r -> r.userPoolId(pool.poolId())
              .username(name)
              .temporaryPassword("Temp-Pass1")
              .messageAction(MessageActionType.SUPPRESS));
    }
    AdminInitiateAuthResponse challenge = adminSignIn(pool, "eve", "Temp-Pass1");
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());

    cognate.clock().advance(Duration.ofMinutes(3).plusSeconds(1));
    assertCognitoError(
        NotAuthorizedException.class,
        "Invalid session for the user, session is expired.",
        () -> cognito.adminRespondToAuthChallenge(
            r -> r.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "eve", "NEW_PASSWORD", "New-Pass12"))));

    cognate.clock().advance(Duration.ofDays(7));
    assertCognitoError(
        NotAuthorizedException.class,
        "User account has expired, it must be reset by an administrator.",
        () -> adminSignIn(pool, "dee", "Temp-Pass1"));
  }

  @Test
  void theClockRouteShowsAdvancesAndSetsTheTime() throws Exception {
    Pool pool = passwordPool();
    signUp(cognito, pool, "fay", "fay@example.com");
    String code = cognate.outbox().lastCode(pool.poolId(), "fay").orElseThrow();

    HttpResponse<String> shown = Http.get(cognate.endpoint().resolve("/_cognate/clock"));
    assertEquals(200, shown.statusCode());
    Instant before = Instant.parse(JSON.readTree(shown.body()).get("now").asText());

    HttpResponse<String> advanced = postClock(cognate.endpoint(), "{\"advanceSeconds\": 86401}");
    assertEquals(200, advanced.statusCode());
    JsonNode moved = JSON.readTree(advanced.body());
    assertTrue(Instant.parse(moved.get("now").asText()).isAfter(before.plusSeconds(86400)), advanced.body());
    assertTrue(moved.get("offsetSeconds").asLong() >= 86401, advanced.body());
    assertCognitoError(
        ExpiredCodeException.class,
        EXPIRED_CODE,
        () -> cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("fay").confirmationCode(code)));

    assertEquals(200, postClock(cognate.endpoint(), "{\"advance\": \"PT1H\"}").statusCode());
    HttpResponse<String> set = postClock(cognate.endpoint(), "{\"set\": \"2031-05-01T10:00:00Z\"}");
    assertEquals(200, set.statusCode());
    assertTrue(JSON.readTree(set.body()).get("now").asText().startsWith("2031-05-01T10:00"), set.body());

    cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("fay"));
    cognito.adminUpdateUserAttributes(
        r -> r.userPoolId(pool.poolId()).username("fay").userAttributes(attr("email_verified", "true")));
    cognito.adminSetUserPassword(r -> r.userPoolId(pool.poolId()).username("fay").password("secret1").permanent(true));
    JWTClaimsSet claims = SignedJWT.parse(signIn(cognito, pool.clientId(), "fay", "secret1").accessToken())
        .getJWTClaimsSet();
    long iat = claims.getIssueTime().toInstant().getEpochSecond();
    long set2031 = Instant.parse("2031-05-01T10:00:00Z").getEpochSecond();
    assertTrue(iat >= set2031 && iat < set2031 + 60, "iat " + iat + " follows the set clock");
    assertEquals(iat + 3600, claims.getExpirationTime().toInstant().getEpochSecond());
  }

  @Test
  void advancingThroughTheRouteExpiresAccessTokens() throws Exception {
    Pool pool = passwordPool();
    signUpConfirmed(cognito, cognate, pool, "gus", "secret1", attr("email", "gus@example.com"));
    AuthenticationResultType tokens = signIn(cognito, pool.clientId(), "gus", "secret1");

    assertEquals(200, postClock(cognate.endpoint(), "{\"advance\": \"PT1H1S\"}").statusCode());

    assertCognitoError(
        NotAuthorizedException.class,
        "Access Token has expired",
        () -> cognito.getUser(r -> r.accessToken(tokens.accessToken())));
  }

  @Test
  void theClockRouteRefusesWhatItCannotRead() throws Exception {
    String[][] cases = {
      {"{}", "Give exactly one of advanceSeconds (a number), advance (an ISO-8601 duration such as PT1H) or set (an"
          + " instant such as 2030-01-01T00:00:00Z)."},
      {"{\"advance\": \"an hour\"}", "Cannot read an hour as a duration such as PT1H or PT90S."},
      {"{\"set\": \"tomorrow\"}", "Cannot read tomorrow as an instant such as 2030-01-01T00:00:00Z."},
      {"{\"advanceSeconds\": \"60\"}", "advanceSeconds must be a whole number of seconds."},
      {"[1]", "The body must be a JSON object."},
      {"not json", "The body is not JSON."},
    };
    Duration offset = cognate.clock().offset();
    for (String[] c : cases) {
      HttpResponse<String> response = postClock(cognate.endpoint(), c[0]);
      assertEquals(400, response.statusCode(), c[0]);
      JsonNode error = JSON.readTree(response.body());
      assertEquals("BadRequestException", error.get("__type").asText(), response.body());
      assertEquals(c[1], error.get("message").asText(), response.body());
    }
    assertEquals(offset, cognate.clock().offset());
  }

  @Test
  void aConfiguredMutableClockStillMovesTheEmulatorAndSoDoesItsOwnClock() {
    MutableClock configured = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    try (Cognate timed = TestEmulator.start(CognateConfig.forTests().clock(configured))) {
      EmulatorClock clock = timed.clock();
      assertEquals(Instant.parse("2030-01-01T00:00:00Z"), clock.instant());
      configured.advance(Duration.ofMinutes(5));
      clock.advance(Duration.ofMinutes(1));
      assertEquals(Instant.parse("2030-01-01T00:06:00Z"), clock.instant());
      clock.set(Instant.parse("2030-02-01T00:00:00Z"));
      assertEquals(Instant.parse("2030-02-01T00:00:00Z"), clock.instant());
    }
  }

  private Pool passwordPool() {
    return Pools.appPool(
        cognito,
        c -> c.explicitAuthFlows(
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  private AdminInitiateAuthResponse adminSignIn(Pool pool, String username, String password) {
    return cognito.adminInitiateAuth(
        r -> r.userPoolId(pool.poolId())
            .clientId(pool.clientId())
            .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
  }

  static HttpResponse<String> postClock(URI endpoint, String body) throws Exception {
    return Http.send(
        HttpRequest.newBuilder(endpoint.resolve("/_cognate/clock"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}
