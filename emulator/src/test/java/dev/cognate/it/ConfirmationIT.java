package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.Pools.appPool;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SentCode;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.testing.MutableClock;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.TestEmulator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResendConfirmationCodeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** ConfirmSignUp, ResendConfirmationCode, AdminConfirmSignUp and the outbox, through the real SDK v2 client. */
class ConfirmationIT {

  private static final String WRONG_CODE_MESSAGE = "Invalid verification code provided, please try again.";
  private static final String EXPIRED_CODE_MESSAGE = "Invalid code provided, please request a code again.";
  private static final String ALREADY_CONFIRMED_MESSAGE = "User cannot be confirmed. Current status is CONFIRMED";
  private static final String UNKNOWN_COMBINATION_MESSAGE = "Username/client id combination not found.";

  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();
  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();
  /**
   * One app-like pool for the tests of the shared emulator, each test with its own usernames: creating a pool
   * generates its RSA keys, the slowest thing the emulator does.
   */
  private static Pool shared;
  private static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void createSharedPool() {
    shared = appPool(cognito);
  }

  // ---------------------------------------------------------------------------------------------- happy path

  @Test
  void confirmSignUpWithTheOutboxCodeConfirmsTheUserAndVerifiesTheEmail() {
    Pool pool = shared;
    signUp(cognito, pool, "alice", "alice@example.com");
    String code = cognate.outbox().lastCode(pool.poolId(), "alice").orElseThrow();

    cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("alice").confirmationCode(code));

    var user = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("alice"));
    assertEquals(UserStatusType.CONFIRMED, user.userStatus());
    assertEquals("true", attributes(user.userAttributes()).get("email_verified"));
  }

  @Test
  void sentCodeCarriesPurposeMediumRealDestinationAndSixDigits() {
    Pool pool = shared;
    SignUpResponse signUp = signUp(cognito, pool, "bob", "bob@example.com");

    List<SentCode> codes = cognate.outbox().codes(pool.poolId(), "bob");
    assertEquals(1, codes.size(), "exactly one code after sign-up: " + codes);
    SentCode sent = codes.get(0);
    assertEquals(pool.poolId(), sent.userPoolId());
    assertEquals("bob", sent.username());
    assertTrue(sent.code().matches("\\d{6}"), "code should be 6 digits: " + sent.code());
    assertEquals(CodePurpose.SIGN_UP, sent.purpose());
    assertEquals("EMAIL", sent.deliveryMedium());
    assertEquals("bob@example.com", sent.destination());
    assertNotNull(sent.createdAt());
    assertEquals(sent.code(), cognate.outbox().lastCode(pool.poolId(), "bob").orElseThrow());
    // the outbox also answers to the e-mail address the user signed up with
    assertEquals(codes, cognate.outbox().codes(pool.poolId(), "bob@example.com"));
    assertNotNull(signUp.userSub());
  }

  @Test
  void codesCanBeReadOverHttpByUsernameAndByEmail() throws Exception {
    Pool pool = shared;
    signUp(cognito, pool, "carol", "carol@example.com");
    String code = cognate.outbox().lastCode(pool.poolId(), "carol").orElseThrow();

    for (String who : List.of("carol", "carol@example.com")) {
      HttpResponse<String> response = getCodes(pool.poolId(), who);
      assertEquals(200, response.statusCode(), "GET /_cognate/codes for " + who + ": " + response.body());
      JsonNode codes = json.readTree(response.body()).get("codes");
      assertNotNull(codes, "no 'codes' member in " + response.body());
      assertTrue(codes.isArray());
      assertEquals(1, codes.size(), response.body());
      JsonNode sent = codes.get(0);
      assertEquals(pool.poolId(), sent.path("userPoolId").asText());
      assertEquals("carol", sent.path("username").asText());
      assertEquals(code, sent.path("code").asText());
      assertEquals("SIGN_UP", sent.path("purpose").asText());
      assertEquals("EMAIL", sent.path("deliveryMedium").asText());
      assertEquals("carol@example.com", sent.path("destination").asText());
      assertTrue(sent.hasNonNull("createdAt"), "createdAt missing: " + sent);
    }

    // the code read over HTTP confirms the user
    String httpCode = json.readTree(getCodes(pool.poolId(), "carol").body()).get("codes").get(0).get("code").asText();
    cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("carol").confirmationCode(httpCode));
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("carol")).userStatus());
  }

  @Test
  void httpCodesForAnUnknownUserIsAnEmptyList() throws Exception {
    Pool pool = shared;

    HttpResponse<String> response = getCodes(pool.poolId(), "nobody");

    assertEquals(200, response.statusCode(), response.body());
    JsonNode codes = json.readTree(response.body()).get("codes");
    assertNotNull(codes, response.body());
    assertEquals(0, codes.size(), response.body());
  }

  // ---------------------------------------------------------------------------------------------- failures

  @Test
  void wrongCodeIsACodeMismatch() {
    Pool pool = shared;
    signUp(cognito, pool, "dave", "dave@example.com");
    String code = cognate.outbox().lastCode(pool.poolId(), "dave").orElseThrow();
    String wrong = code.equals("000000") ? "111111" : "000000";

    assertCognitoError(
        CodeMismatchException.class,
        WRONG_CODE_MESSAGE,
        () -> cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("dave").confirmationCode(wrong)));
    assertEquals(
        UserStatusType.UNCONFIRMED,
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("dave")).userStatus());

    // the right code still works afterwards
    cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("dave").confirmationCode(code));
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("dave")).userStatus());
  }

  @Test
  void confirmingTwiceIsNotAuthorized() {
    Pool pool = shared;
    signUp(cognito, pool, "erin", "erin@example.com");
    String code = cognate.outbox().lastCode(pool.poolId(), "erin").orElseThrow();
    cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("erin").confirmationCode(code));

    assertCognitoError(
        NotAuthorizedException.class,
        ALREADY_CONFIRMED_MESSAGE,
        () -> cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("erin").confirmationCode(code)));
  }

  @Test
  void codeExpiresAfter24Hours() {
    MutableClock clock = MutableClock.startingNow();
    try (Cognate timed = TestEmulator.start(CognateConfig.forTests().clock(clock));
        CognitoIdentityProviderClient client = TestEmulator.client(timed)) {
      Pool pool = appPool(client);
      signUp(client, pool, "frank", "frank@example.com");
      signUp(client, pool, "gina", "gina@example.com");
      String frankCode = timed.outbox().lastCode(pool.poolId(), "frank").orElseThrow();
      String ginaCode = timed.outbox().lastCode(pool.poolId(), "gina").orElseThrow();

      clock.advance(Duration.ofHours(24).minusSeconds(1));
      client.confirmSignUp(r -> r.clientId(pool.clientId()).username("gina").confirmationCode(ginaCode));
      assertEquals(
          UserStatusType.CONFIRMED,
          client.adminGetUser(r -> r.userPoolId(pool.poolId()).username("gina")).userStatus());

      clock.advance(Duration.ofSeconds(2)); // now 24 h + 1 s after sign-up
      assertCognitoError(
          ExpiredCodeException.class,
          EXPIRED_CODE_MESSAGE,
          () -> client.confirmSignUp(
              r -> r.clientId(pool.clientId()).username("frank").confirmationCode(frankCode)));
      assertEquals(
          UserStatusType.UNCONFIRMED,
          client.adminGetUser(r -> r.userPoolId(pool.poolId()).username("frank")).userStatus());

      // a fresh code works again
      client.resendConfirmationCode(r -> r.clientId(pool.clientId()).username("frank"));
      String fresh = timed.outbox().lastCode(pool.poolId(), "frank").orElseThrow();
      client.confirmSignUp(r -> r.clientId(pool.clientId()).username("frank").confirmationCode(fresh));
      assertEquals(
          UserStatusType.CONFIRMED,
          client.adminGetUser(r -> r.userPoolId(pool.poolId()).username("frank")).userStatus());
    }
  }

  // ---------------------------------------------------------------------------------------------- resend

  @Test
  void resendReplacesTheCode() {
    Pool pool = shared;
    signUp(cognito, pool, "hank", "hank@example.com");
    String oldCode = cognate.outbox().lastCode(pool.poolId(), "hank").orElseThrow();

    ResendConfirmationCodeResponse response =
        cognito.resendConfirmationCode(r -> r.clientId(pool.clientId()).username("hank"));

    CodeDeliveryDetailsType details = response.codeDeliveryDetails();
    assertNotNull(details, "ResendConfirmationCode should return CodeDeliveryDetails");
    assertEquals("h***@e***", details.destination());
    assertEquals(DeliveryMediumType.EMAIL, details.deliveryMedium());
    assertEquals("email", details.attributeName());

    List<SentCode> codes = cognate.outbox().codes(pool.poolId(), "hank");
    assertEquals(2, codes.size(), "resend should add an outbox entry: " + codes);
    assertEquals(oldCode, codes.get(0).code());
    SentCode newest = codes.get(1);
    assertEquals(CodePurpose.SIGN_UP, newest.purpose());
    assertEquals("EMAIL", newest.deliveryMedium());
    assertEquals("hank@example.com", newest.destination());
    assertTrue(newest.code().matches("\\d{6}"), newest.code());
    assertFalse(newest.createdAt().isBefore(codes.get(0).createdAt()), "outbox should be oldest first");
    String newCode = newest.code();
    Assumptions.assumeFalse(newCode.equals(oldCode), "random codes collided; nothing to tell apart");

    assertCognitoError(
        CodeMismatchException.class,
        WRONG_CODE_MESSAGE,
        () -> cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("hank").confirmationCode(oldCode)));

    cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("hank").confirmationCode(newCode));
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("hank")).userStatus());
  }

  @Test
  void resendForAConfirmedUserIsRejected() {
    Pool pool = shared;
    signUp(cognito, pool, "ivy", "ivy@example.com");
    String code = cognate.outbox().lastCode(pool.poolId(), "ivy").orElseThrow();
    cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("ivy").confirmationCode(code));

    assertCognitoError(
        InvalidParameterException.class,
        "User is already confirmed.",
        () -> cognito.resendConfirmationCode(r -> r.clientId(pool.clientId()).username("ivy")));
    assertEquals(1, cognate.outbox().codes(pool.poolId(), "ivy").size(), "no new code for a confirmed user");
  }

  // ---------------------------------------------------------------------------------------------- unknown users

  @Test
  void unknownUserUnderLegacyClientIsReportedAsNotFound() {
    assertUnknownUserIsNotFound(shared);
  }

  @Test
  void explicitLegacyClientBehavesLikeTheDefault() {
    assertUnknownUserIsNotFound(
        withClient(shared, c -> c.preventUserExistenceErrors(PreventUserExistenceErrorTypes.LEGACY)));
  }

  @Test
  void unknownUserUnderEnabledClientIsHidden() {
    Pool pool = withClient(shared, c -> c.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));

    assertCognitoError(
        CodeMismatchException.class,
        WRONG_CODE_MESSAGE,
        () -> cognito.confirmSignUp(
            r -> r.clientId(pool.clientId()).username("ghost").confirmationCode("123456")));

    ResendConfirmationCodeResponse response =
        cognito.resendConfirmationCode(r -> r.clientId(pool.clientId()).username("ghost"));
    assertNotNull(response.codeDeliveryDetails(), "ENABLED should simulate a delivery");
    assertNotNull(response.codeDeliveryDetails().deliveryMedium());
  }

  // ---------------------------------------------------------------------------------------------- admin confirm

  @Test
  void adminConfirmSignUpConfirmsOnceThenRefuses() {
    Pool pool = shared;
    signUp(cognito, pool, "jack", "jack@example.com");

    cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("jack"));
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("jack")).userStatus());

    assertCognitoError(
        NotAuthorizedException.class,
        ALREADY_CONFIRMED_MESSAGE,
        () -> cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("jack")));
  }

  @Test
  void adminConfirmSignUpOfUnknownUser() {
    Pool pool = shared;

    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("ghost")));
  }

  @Test
  void confirmSignUpAfterAdminConfirmIsNotAuthorized() {
    Pool pool = shared;
    signUp(cognito, pool, "kim", "kim@example.com");
    String code = cognate.outbox().lastCode(pool.poolId(), "kim").orElseThrow();
    cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("kim"));

    assertCognitoError(
        NotAuthorizedException.class,
        ALREADY_CONFIRMED_MESSAGE,
        () -> cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("kim").confirmationCode(code)));
  }

  // ---------------------------------------------------------------------------------------------- fixed code

  @Test
  void fixedCodeConfigMakesEveryCodeTheSame() {
    try (Cognate fixed = TestEmulator.start(CognateConfig.forTests().fixedCode("123456"));
        CognitoIdentityProviderClient client = TestEmulator.client(fixed)) {
      Pool pool = appPool(client);
      signUp(client, pool, "leo", "leo@example.com");
      signUp(client, pool, "mia", "mia@example.com");
      client.resendConfirmationCode(r -> r.clientId(pool.clientId()).username("mia"));

      assertEquals(List.of("123456"), codesOf(fixed, pool, "leo"));
      assertEquals(List.of("123456", "123456"), codesOf(fixed, pool, "mia"));

      client.confirmSignUp(r -> r.clientId(pool.clientId()).username("leo").confirmationCode("123456"));
      client.confirmSignUp(r -> r.clientId(pool.clientId()).username("mia").confirmationCode("123456"));
      assertEquals(
          UserStatusType.CONFIRMED,
          client.adminGetUser(r -> r.userPoolId(pool.poolId()).username("leo")).userStatus());
      assertEquals(
          UserStatusType.CONFIRMED,
          client.adminGetUser(r -> r.userPoolId(pool.poolId()).username("mia")).userStatus());
    }
  }

  // ---------------------------------------------------------------------------------------------- e-mail as username

  @Test
  void emailAsUsernamePoolConfirmsWithTheEmail() {
    Pool pool = Pools.emailUsernamePool(cognito);
    SignUpResponse signUp =
        cognito.signUp(r -> r.clientId(pool.clientId()).username("nora@example.com").password("Passw0rd!"));
    String sub = signUp.userSub();

    List<SentCode> byEmail = cognate.outbox().codes(pool.poolId(), "nora@example.com");
    assertEquals(1, byEmail.size(), byEmail.toString());
    assertEquals(sub, byEmail.get(0).username(), "SentCode.username is the stored (UUID) username");
    assertEquals("nora@example.com", byEmail.get(0).destination());
    assertEquals(byEmail, cognate.outbox().codes(pool.poolId(), sub));
    String code = byEmail.get(0).code();

    cognito.confirmSignUp(
        r -> r.clientId(pool.clientId()).username("nora@example.com").confirmationCode(code));

    var user = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("nora@example.com"));
    assertEquals(sub, user.username());
    assertEquals(UserStatusType.CONFIRMED, user.userStatus());
    assertEquals("true", attributes(user.userAttributes()).get("email_verified"));
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static void assertUnknownUserIsNotFound(Pool pool) {
    assertCognitoError(
        UserNotFoundException.class,
        UNKNOWN_COMBINATION_MESSAGE,
        () -> cognito.confirmSignUp(
            r -> r.clientId(pool.clientId()).username("ghost").confirmationCode("123456")));
    assertCognitoError(
        UserNotFoundException.class,
        UNKNOWN_COMBINATION_MESSAGE,
        () -> cognito.resendConfirmationCode(r -> r.clientId(pool.clientId()).username("ghost")));
  }

  /** Another app client, with other settings, on the same pool. */
  private static Pool withClient(Pool pool, Consumer<CreateUserPoolClientRequest.Builder> clientSettings) {
    String clientId =
        Pools.client(
                cognito,
                pool.poolId(),
                b -> {
                  b.clientName("other");
                  clientSettings.accept(b);
                })
            .clientId();
    return new Pool(pool.poolId(), clientId, null);
  }

  private static List<String> codesOf(Cognate from, Pool pool, String username) {
    return from.outbox().codes(pool.poolId(), username).stream().map(SentCode::code).collect(Collectors.toList());
  }

  private HttpResponse<String> getCodes(String poolId, String username) throws IOException, InterruptedException {
    return Http.codes(cognate.endpoint(), poolId, username);
  }
}
