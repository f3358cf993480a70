package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static dev.cognate.support.Users.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SentCode;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.support.TestEmulator;
import dev.cognate.testing.MutableClock;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AssociateSoftwareTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SetUserPoolMfaConfigRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * MFA through the real SDK v2 client: the pool's MFA configuration, authenticator set-up (AssociateSoftwareToken,
 * VerifySoftwareToken) by access token and during MFA_SETUP, user preferences, and each MFA challenge after a right
 * password, with codes from the outbox and from {@link Cognate#totp}; wrong codes, reused and expired sessions.
 */
class MfaIT {
  private static final String PASSWORD = "Passw0rd!";
  private static final String WRONG_CODE = "Invalid code or auth state for the user.";
  private static final String INVALID_SESSION = "Invalid session for the user.";
  private static final String EXPIRED_SESSION = "Invalid session for the user, session is expired.";
  private static final String TOTP_MISMATCH = "Code mismatch and fail enable Software Token MFA";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  // One emulator per class: every test has its own pool and users; the clock is moved by a few steps at a time.
  private static final MutableClock clock = MutableClock.startingNow();

  @RegisterExtension
  static final EmulatorExtension emulator = EmulatorExtension.start(CognateConfig.forTests().clock(clock));

  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();

  // ------------------------------------------------------------------------------------- pool MFA configuration

  @Test
  void poolConfigurationRoundTripsAndDescribeUserPoolAgrees() {
    Pool pool = pool();
    GetUserPoolMfaConfigResponse fresh = cognito.getUserPoolMfaConfig(r -> r.userPoolId(pool.poolId()));
    assertEquals(UserPoolMfaType.OFF, fresh.mfaConfiguration());
    assertNull(fresh.softwareTokenMfaConfiguration());
    assertNull(fresh.smsMfaConfiguration());
    assertNull(fresh.emailMfaConfiguration());

    var set =
        cognito.setUserPoolMfaConfig(
            r -> r.userPoolId(pool.poolId())
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true))
                .smsMfaConfiguration(s -> s.smsAuthenticationMessage("Your code is {####}"))
                .emailMfaConfiguration(e -> e.subject("Sign-in code").message("Your code is {####}")));
    GetUserPoolMfaConfigResponse read = cognito.getUserPoolMfaConfig(r -> r.userPoolId(pool.poolId()));
    for (var config : List.of(set.mfaConfiguration(), read.mfaConfiguration())) {
      assertEquals(UserPoolMfaType.OPTIONAL, config);
    }
    assertEquals(true, read.softwareTokenMfaConfiguration().enabled());
    assertEquals("Your code is {####}", read.smsMfaConfiguration().smsAuthenticationMessage());
    assertEquals("Sign-in code", read.emailMfaConfiguration().subject());
    assertEquals("Your code is {####}", read.emailMfaConfiguration().message());
    assertEquals(set.emailMfaConfiguration(), read.emailMfaConfiguration());
    var described = cognito.describeUserPool(r -> r.userPoolId(pool.poolId())).userPool();
    assertEquals(UserPoolMfaType.OPTIONAL, described.mfaConfiguration());
    assertEquals("Your code is {####}", described.smsAuthenticationMessage());

    // UpdateUserPool has no factor members: the factors stay; its MfaConfiguration is the pool's.
    cognito.updateUserPool(r -> r.userPoolId(pool.poolId()).mfaConfiguration(UserPoolMfaType.ON));
    GetUserPoolMfaConfigResponse updated = cognito.getUserPoolMfaConfig(r -> r.userPoolId(pool.poolId()));
    assertEquals(UserPoolMfaType.ON, updated.mfaConfiguration());
    assertEquals(true, updated.softwareTokenMfaConfiguration().enabled());

    cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool.poolId()).mfaConfiguration(UserPoolMfaType.OFF));
    GetUserPoolMfaConfigResponse off = cognito.getUserPoolMfaConfig(r -> r.userPoolId(pool.poolId()));
    assertEquals(UserPoolMfaType.OFF, off.mfaConfiguration());
    assertNull(off.softwareTokenMfaConfiguration());
    assertEquals(
        UserPoolMfaType.OFF, cognito.describeUserPool(r -> r.userPoolId(pool.poolId())).userPool().mfaConfiguration());
  }

  @Test
  void poolConfigurationRefusesContradictionsAndUnknownPools() {
    Pool pool = pool();
    assertInvalidParameter(
        "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
        () -> cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool.poolId()).mfaConfiguration(UserPoolMfaType.ON)));
    assertInvalidParameter(
        "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
        () -> cognito.setUserPoolMfaConfig(
            r -> r.userPoolId(pool.poolId())
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(false))));
    assertInvalidParameter(
        "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
        () -> cognito.setUserPoolMfaConfig(
            r -> r.userPoolId(pool.poolId())
                .mfaConfiguration(UserPoolMfaType.OFF)
                .softwareTokenMfaConfiguration(t -> t.enabled(true))));
    // A set that names no factor turns every factor off, so ON alone is refused after a factor was on.
    configure(pool, UserPoolMfaType.OPTIONAL, r -> r.softwareTokenMfaConfiguration(t -> t.enabled(true)));
    assertInvalidParameter(
        "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
        () -> cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool.poolId()).mfaConfiguration(UserPoolMfaType.ON)));
    assertEquals(
        UserPoolMfaType.OPTIONAL,
        cognito.getUserPoolMfaConfig(r -> r.userPoolId(pool.poolId())).mfaConfiguration(),
        "a refused set changes nothing");
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool us-east-1_nothere does not exist.",
        () -> cognito.getUserPoolMfaConfig(r -> r.userPoolId("us-east-1_nothere")));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool us-east-1_nothere does not exist.",
        () -> cognito.setUserPoolMfaConfig(
            r -> r.userPoolId("us-east-1_nothere").mfaConfiguration(UserPoolMfaType.OFF)));
  }

  // ------------------------------------------------------------------------------ authenticator set-up, preferences

  @Test
  void authenticatorIsAssociatedVerifiedAndThenTurnedOnByPreference() {
    Pool pool = pool();
    configure(pool, UserPoolMfaType.OPTIONAL, r -> r.softwareTokenMfaConfiguration(t -> t.enabled(true)));
    String name = user(pool);
    // OPTIONAL and nothing set up: the password alone signs in.
    String accessToken = signIn(pool, name).authenticationResult().accessToken();

    AssociateSoftwareTokenResponse associated = cognito.associateSoftwareToken(r -> r.accessToken(accessToken));
    assertTrue(associated.secretCode().matches("[A-Z2-7]{32}"), associated.secretCode());
    assertNull(associated.session());
    assertCognitoError(
        "EnableSoftwareTokenMFAException",
        TOTP_MISMATCH,
        () -> cognito.verifySoftwareToken(r -> r.accessToken(accessToken).userCode(otherThan(totp(pool, name)))));
    var verified =
        cognito.verifySoftwareToken(
            r -> r.accessToken(accessToken).userCode(totp(pool, name)).friendlyDeviceName("phone"));
    assertEquals(VerifySoftwareTokenResponseType.SUCCESS, verified.status());
    assertNull(verified.session());

    // Verified is not yet turned on.
    AdminGetUserResponse registered = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(name));
    assertEquals(List.of(), registered.userMFASettingList());
    assertNull(registered.preferredMfaSetting());
    assertNotNull(signIn(pool, name).authenticationResult(), "a verified authenticator that is off is not asked for");

    cognito.setUserMFAPreference(
        r -> r.accessToken(accessToken).softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
    AdminGetUserResponse on = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(name));
    assertEquals(List.of("SOFTWARE_TOKEN_MFA"), on.userMFASettingList());
    assertEquals("SOFTWARE_TOKEN_MFA", on.preferredMfaSetting());
    assertEquals(List.of(), on.mfaOptions());
    GetUserResponse own = cognito.getUser(r -> r.accessToken(accessToken));
    assertEquals(List.of("SOFTWARE_TOKEN_MFA"), own.userMFASettingList());
    assertEquals("SOFTWARE_TOKEN_MFA", own.preferredMfaSetting());

    cognito.adminSetUserMFAPreference(
        r -> r.userPoolId(pool.poolId()).username(name).softwareTokenMfaSettings(s -> s.enabled(false)));
    AdminGetUserResponse off = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(name));
    assertEquals(List.of(), off.userMFASettingList());
    assertNull(off.preferredMfaSetting(), "turning the preferred factor off drops the preference");
  }

  @Test
  void verificationAcceptsOneStepEitherSideAndNoMore() {
    Pool pool = pool();

    // The code of the step before now.
    String before = associatedUser(pool);
    String previous = totp(pool, before);
    clock.advance(Duration.ofSeconds(30));
    assertEquals(VerifySoftwareTokenResponseType.SUCCESS, verify(pool, before, previous));

    // The code of the step after now.
    String after = associatedUser(pool);
    clock.advance(Duration.ofSeconds(30));
    String next = totp(pool, after);
    clock.advance(Duration.ofSeconds(-30));
    assertEquals(VerifySoftwareTokenResponseType.SUCCESS, verify(pool, after, next));

    // Two steps away either side: refused.
    String away = associatedUser(pool);
    String stale = totp(pool, away);
    clock.advance(Duration.ofSeconds(60));
    String later = totp(pool, away);
    assertCognitoError("EnableSoftwareTokenMFAException", TOTP_MISMATCH, () -> verify(pool, away, stale));
    clock.advance(Duration.ofSeconds(-60));
    assertCognitoError("EnableSoftwareTokenMFAException", TOTP_MISMATCH, () -> verify(pool, away, later));
    clock.advance(Duration.ofSeconds(60));
  }

  @Test
  void verifyingWithoutAnAssociatedSecretAndPreferencesThatCannotReachTheUserAreRefused() {
    Pool pool = pool();
    String name = user(pool);
    String accessToken = signIn(pool, name).authenticationResult().accessToken();
    assertCognitoError(
        "SoftwareTokenMFANotFoundException",
        "Software Token MFA has not been associated with the user.",
        () -> cognito.verifySoftwareToken(r -> r.accessToken(accessToken).userCode("123456")));
    assertInvalidParameter(
        "User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA",
        () -> cognito.adminSetUserMFAPreference(
            r -> r.userPoolId(pool.poolId()).username(name).softwareTokenMfaSettings(s -> s.enabled(true))));
    assertInvalidParameter(
        "User does not have delivery config set to turn on SMS_MFA",
        () -> cognito.setUserMFAPreference(r -> r.accessToken(accessToken).smsMfaSettings(s -> s.enabled(true))));
    assertInvalidParameter(
        "Only one MFA type can be set as preferred.",
        () -> cognito.setUserMFAPreference(
            r -> r.accessToken(accessToken)
                .smsMfaSettings(s -> s.preferredMfa(true))
                .emailMfaSettings(s -> s.preferredMfa(true))));
    assertInvalidParameter(
        "The preferred MFA type EMAIL_OTP is not enabled for the user.",
        () -> cognito.setUserMFAPreference(
            r -> r.accessToken(accessToken).emailMfaSettings(s -> s.preferredMfa(true))));
    assertNotNull(
        signIn(pool, name).authenticationResult(), "refused preferences changed nothing: no factor is asked for");
    assertInvalidParameter(
        "Either AccessToken or Session is required.",
        () -> cognito.associateSoftwareToken(r -> {}));
    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> cognito.associateSoftwareToken(r -> r.session("x".repeat(40))));
  }

  // ---------------------------------------------------------------------------------------------------- challenges

  /** Eight right codes sent at once to one session: one signs in, the others find the session used up. */
  @Test
  void concurrentRightCodesToOneSessionSignInOnce() throws Exception {
    Pool pool = pool();
    configure(pool, UserPoolMfaType.OPTIONAL, r -> r.softwareTokenMfaConfiguration(t -> t.enabled(true)));
    String name = user(pool);
    registerAuthenticator(pool, name);
    InitiateAuthResponse challenge = signIn(pool, name);
    String code = totp(pool, name);
    List<Race.Outcome> outcomes =
        Race.run(8, 8, i -> answer(pool, challenge, Map.of("SOFTWARE_TOKEN_MFA_CODE", code))
            .authenticationResult().accessToken());
    System.out.println(
        "8 right TOTP answers at once to one session: " + outcomes.stream().filter(Race.Outcome::ok).count()
            + " signed in, the others: " + outcomes.stream().filter(o -> !o.ok()).map(Race.Outcome::message).distinct().toList());
    assertEquals(1, outcomes.stream().filter(Race.Outcome::ok).count(), outcomes.toString());
    assertTrue(outcomes.stream().noneMatch(Race.Outcome::serverError), outcomes.toString());
    // The session of one factor does not answer another's challenge.
    InitiateAuthResponse again = signIn(pool, name);
    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> cognito.respondToAuthChallenge(
            r -> r.clientId(pool.clientId())
                .challengeName(ChallengeNameType.MFA_SETUP)
                .session(again.session())
                .challengeResponses(Map.of("USERNAME", name))));
  }

  @Test
  void softwareTokenChallengeTakesTheAuthenticatorsCodeOnceAndExpires() {
    Pool pool = pool();
    configure(pool, UserPoolMfaType.OPTIONAL, r -> r.softwareTokenMfaConfiguration(t -> t.enabled(true)));
    String name = user(pool);
    registerAuthenticator(pool, name);

    InitiateAuthResponse challenge = signIn(pool, name);
    assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, challenge.challengeName());
    assertNull(challenge.authenticationResult());
    assertEquals(name, challenge.challengeParameters().get("USER_ID_FOR_SRP"));
    String wrong = otherThan(totp(pool, name));
    assertCognitoError(
        CodeMismatchException.class,
        WRONG_CODE,
        () -> answer(pool, challenge, Map.of("SOFTWARE_TOKEN_MFA_CODE", wrong)));
    // A wrong code leaves the session usable; the right one completes the sign-in once.
    RespondToAuthChallengeResponse signedIn =
        answer(pool, challenge, Map.of("SOFTWARE_TOKEN_MFA_CODE", totp(pool, name)));
    assertNotNull(signedIn.authenticationResult().accessToken());
    assertNull(signedIn.challengeName());
    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> answer(pool, challenge, Map.of("SOFTWARE_TOKEN_MFA_CODE", totp(pool, name))));
    assertInvalidParameter(
        "Missing required parameter SOFTWARE_TOKEN_MFA_CODE", () -> answer(pool, signIn(pool, name), Map.of()));

    InitiateAuthResponse late = signIn(pool, name);
    clock.advance(Duration.ofMinutes(3));
    assertCognitoError(
        NotAuthorizedException.class,
        EXPIRED_SESSION,
        () -> answer(pool, late, Map.of("SOFTWARE_TOKEN_MFA_CODE", totp(pool, name))));
  }

  @Test
  void fiveWrongCodesUseTheSessionUp() {
    Pool pool = pool();
    configure(pool, UserPoolMfaType.OPTIONAL, r -> r.softwareTokenMfaConfiguration(t -> t.enabled(true)));
    String name = user(pool);
    registerAuthenticator(pool, name);
    InitiateAuthResponse challenge = signIn(pool, name);
    String wrong = otherThan(totp(pool, name));

    // Six digits guessed without end within a session would fall in a few minutes; a session takes five wrong
    // codes, as a code sent by e-mail or SMS does (--wrong-codes), and then no code at all.
    for (int attempt = 0; attempt < 5; attempt++) {
      assertCognitoError(
          CodeMismatchException.class,
          WRONG_CODE,
          () -> answer(pool, challenge, Map.of("SOFTWARE_TOKEN_MFA_CODE", wrong)));
    }
    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> answer(pool, challenge, Map.of("SOFTWARE_TOKEN_MFA_CODE", totp(pool, name))));
    assertNotNull(
        answer(pool, signIn(pool, name), Map.of("SOFTWARE_TOKEN_MFA_CODE", totp(pool, name)))
            .authenticationResult());
  }

  @Test
  void smsCodeGoesToTheOutboxWhenMfaIsOnAndTheUserHasAPhoneNumber() {
    Pool pool = pool();
    configure(pool, UserPoolMfaType.ON, r -> r.smsMfaConfiguration(s -> s.smsAuthenticationMessage("Code {####}")));
    String name = user(pool, attr("phone_number", "+15555550123"));

    AdminInitiateAuthResponse challenge =
        cognito.adminInitiateAuth(
            r -> r.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", PASSWORD)));
    assertEquals(ChallengeNameType.SMS_MFA, challenge.challengeName());
    assertEquals("SMS", challenge.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
    assertEquals("+*******0123", challenge.challengeParameters().get("CODE_DELIVERY_DESTINATION"));
    SentCode sent = lastSent(pool, name);
    assertEquals(CodePurpose.MFA, sent.purpose());
    assertEquals("SMS", sent.deliveryMedium());
    assertEquals("+15555550123", sent.destination());

    assertCognitoError(
        CodeMismatchException.class,
        WRONG_CODE,
        () -> cognito.adminRespondToAuthChallenge(
            r -> r.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .challengeName(ChallengeNameType.SMS_MFA)
                .session(challenge.session())
                .challengeResponses(Map.of("USERNAME", name, "SMS_MFA_CODE", otherThan(sent.code())))));
    AdminRespondToAuthChallengeResponse signedIn =
        cognito.adminRespondToAuthChallenge(
            r -> r.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .challengeName(ChallengeNameType.SMS_MFA)
                .session(challenge.session())
                .challengeResponses(Map.of("USERNAME", name, "SMS_MFA_CODE", sent.code())));
    assertNotNull(signedIn.authenticationResult().idToken());
  }

  @Test
  void emailCodeIsAskedOfAUserWhoTurnedEmailMfaOn() {
    Pool pool = pool();
    configure(
        pool,
        UserPoolMfaType.OPTIONAL,
        r -> r.emailMfaConfiguration(e -> e.subject("Your code").message("Code {####}")));
    String name = user(pool);
    cognito.adminSetUserMFAPreference(
        r -> r.userPoolId(pool.poolId()).username(name).emailMfaSettings(s -> s.enabled(true)));
    assertEquals(
        List.of("EMAIL_OTP"),
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(name)).userMFASettingList());

    InitiateAuthResponse challenge = signIn(pool, name);
    assertEquals(ChallengeNameType.EMAIL_OTP, challenge.challengeName());
    assertEquals("EMAIL", challenge.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
    assertEquals(name.charAt(0) + "***@e***", challenge.challengeParameters().get("CODE_DELIVERY_DESTINATION"));
    SentCode sent = lastSent(pool, name);
    assertEquals(CodePurpose.MFA, sent.purpose());
    assertEquals("EMAIL", sent.deliveryMedium());
    assertCognitoError(
        CodeMismatchException.class,
        WRONG_CODE,
        () -> answer(pool, challenge, Map.of("EMAIL_OTP_CODE", otherThan(sent.code()))));
    assertNotNull(answer(pool, challenge, Map.of("EMAIL_OTP_CODE", sent.code())).authenticationResult());

    // The code lives in its session: a new sign-in's code does not answer an older session, nor the other way round.
    InitiateAuthResponse first = signIn(pool, name);
    String firstCode = lastSent(pool, name).code();
    InitiateAuthResponse second = signIn(pool, name);
    String secondCode = lastSent(pool, name).code();
    if (!firstCode.equals(secondCode)) {
      assertCognitoError(
          CodeMismatchException.class, WRONG_CODE, () -> answer(pool, first, Map.of("EMAIL_OTP_CODE", secondCode)));
    }
    assertNotNull(answer(pool, second, Map.of("EMAIL_OTP_CODE", secondCode)).authenticationResult());
  }

  @Test
  void userWithTwoFactorsAndNoPreferenceChoosesOne() throws Exception {
    Pool pool = pool();
    configure(
        pool,
        UserPoolMfaType.OPTIONAL,
        r -> r.softwareTokenMfaConfiguration(t -> t.enabled(true)).smsMfaConfiguration(s -> {}));
    String name = user(pool, attr("phone_number", "+15555550199"));
    registerAuthenticator(pool, name);
    cognito.adminSetUserMFAPreference(
        r -> r.userPoolId(pool.poolId())
            .username(name)
            .smsMfaSettings(s -> s.enabled(true))
            .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(false)));
    AdminGetUserResponse described = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(name));
    assertEquals(List.of("SMS_MFA", "SOFTWARE_TOKEN_MFA"), described.userMFASettingList());
    assertNull(described.preferredMfaSetting());
    assertEquals("SMS", described.mfaOptions().get(0).deliveryMediumAsString());
    assertEquals("phone_number", described.mfaOptions().get(0).attributeName());

    InitiateAuthResponse select = signIn(pool, name);
    assertEquals(ChallengeNameType.SELECT_MFA_TYPE, select.challengeName());
    assertEquals(
        List.of("SMS_MFA", "SOFTWARE_TOKEN_MFA"),
        List.of(JSON.readValue(select.challengeParameters().get("MFAS_CAN_CHOOSE"), String[].class)));
    assertCognitoError(
        "MFAMethodNotFoundException",
        "The MFA type EMAIL_OTP is not available for the user.",
        () -> answerAs(pool, select, ChallengeNameType.SELECT_MFA_TYPE, Map.of("ANSWER", "EMAIL_OTP")));
    RespondToAuthChallengeResponse chosen =
        answerAs(pool, select, ChallengeNameType.SELECT_MFA_TYPE, Map.of("ANSWER", "SOFTWARE_TOKEN_MFA"));
    assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, chosen.challengeName());
    assertNotEquals(select.session(), chosen.session());
    RespondToAuthChallengeResponse signedIn =
        cognito.respondToAuthChallenge(
            r -> r.clientId(pool.clientId())
                .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA)
                .session(chosen.session())
                .challengeResponses(Map.of("USERNAME", name, "SOFTWARE_TOKEN_MFA_CODE", totp(pool, name))));
    assertNotNull(signedIn.authenticationResult());

    // A preference settles the choice: SMS is asked for straight away.
    cognito.adminSetUserMFAPreference(
        r -> r.userPoolId(pool.poolId()).username(name).smsMfaSettings(s -> s.enabled(true).preferredMfa(true)));
    assertEquals(ChallengeNameType.SMS_MFA, signIn(pool, name).challengeName());
  }

  @Test
  void mfaOnWithNothingSetUpAsksForAnAuthenticatorAndCompletesAfterVerification() {
    Pool pool = pool();
    configure(pool, UserPoolMfaType.ON, r -> r.softwareTokenMfaConfiguration(t -> t.enabled(true)));
    String name = user(pool);

    InitiateAuthResponse setup = signIn(pool, name);
    assertEquals(ChallengeNameType.MFA_SETUP, setup.challengeName());
    assertEquals("[\"SOFTWARE_TOKEN_MFA\"]", setup.challengeParameters().get("MFAS_CAN_SETUP"));
    // Answering before an authenticator proved itself does not complete the sign-in.
    assertCognitoError(
        CodeMismatchException.class, WRONG_CODE, () -> answerAs(pool, setup, ChallengeNameType.MFA_SETUP, Map.of()));

    AssociateSoftwareTokenResponse associated = cognito.associateSoftwareToken(r -> r.session(setup.session()));
    assertTrue(associated.secretCode().matches("[A-Z2-7]{32}"), associated.secretCode());
    assertNotNull(associated.session());
    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> cognito.associateSoftwareToken(r -> r.session(setup.session())));
    assertCognitoError(
        "EnableSoftwareTokenMFAException",
        TOTP_MISMATCH,
        () -> cognito.verifySoftwareToken(
            r -> r.session(associated.session()).userCode(otherThan(totp(pool, name)))));
    var verified =
        cognito.verifySoftwareToken(r -> r.session(associated.session()).userCode(totp(pool, name)));
    assertEquals(VerifySoftwareTokenResponseType.SUCCESS, verified.status());
    assertNotNull(verified.session());

    RespondToAuthChallengeResponse signedIn =
        cognito.respondToAuthChallenge(
            r -> r.clientId(pool.clientId())
                .challengeName(ChallengeNameType.MFA_SETUP)
                .session(verified.session())
                .challengeResponses(Map.of("USERNAME", name)));
    assertNotNull(signedIn.authenticationResult().accessToken());
    AdminGetUserResponse described = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(name));
    assertEquals(List.of("SOFTWARE_TOKEN_MFA"), described.userMFASettingList());
    assertEquals("SOFTWARE_TOKEN_MFA", described.preferredMfaSetting());

    // From now on the authenticator is asked for.
    assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, signIn(pool, name).challengeName());
  }

  @Test
  void newPasswordRequiredComesBeforeMfa() {
    Pool pool = pool();
    configure(pool, UserPoolMfaType.ON, r -> r.softwareTokenMfaConfiguration(t -> t.enabled(true)));
    String name = "mfa-invitee-" + SEQUENCE.incrementAndGet();
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId())
            .username(name)
            .temporaryPassword("Temp0rary!")
            .messageAction(MessageActionType.SUPPRESS));
    InitiateAuthResponse first =
        cognito.initiateAuth(
            r -> r.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", "Temp0rary!")));
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, first.challengeName());
    RespondToAuthChallengeResponse next =
        answerAs(pool, first, ChallengeNameType.NEW_PASSWORD_REQUIRED, Map.of("NEW_PASSWORD", PASSWORD));
    assertEquals(ChallengeNameType.MFA_SETUP, next.challengeName());
  }

  // ---------------------------------------------------------------------------------------- test access to codes

  @Test
  void devRouteGivesTheCurrentCodeAndNothingForUsersWithoutAnAuthenticator() throws Exception {
    Pool pool = pool();
    String name = user(pool);
    HttpResponse<String> none = totpRoute(cognate, pool, name);
    assertEquals(404, none.statusCode(), none.body());
    assertEquals(name + " has no authenticator secret.", JSON.readTree(none.body()).get("message").asText());
    assertThrows(IllegalStateException.class, () -> cognate.totp(pool.poolId(), name));

    registerAuthenticator(pool, name);
    HttpResponse<String> code = totpRoute(cognate, pool, name);
    assertEquals(200, code.statusCode(), code.body());
    assertEquals(cognate.totp(pool.poolId(), name), JSON.readTree(code.body()).get("code").asText());

    try (Cognate off = TestEmulator.start(CognateConfig.forTests().devApi(false))) {
      HttpResponse<String> turnedOff = totpRoute(off, pool, name);
      assertEquals(404, turnedOff.statusCode(), turnedOff.body());
      assertEquals(
          "/_cognate/totp is turned off (--no-dev-api); only /_cognate/health answers.",
          JSON.readTree(turnedOff.body()).get("message").asText());
    }
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  private static Pool pool() {
    return Pools.pool(
        cognito,
        b -> {},
        c -> c.explicitAuthFlows(
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  private static void configure(
      Pool pool, UserPoolMfaType mode, Consumer<SetUserPoolMfaConfigRequest.Builder> factors) {
    cognito.setUserPoolMfaConfig(
        r -> {
          r.userPoolId(pool.poolId()).mfaConfiguration(mode);
          factors.accept(r);
        });
  }

  /** A confirmed user with a permanent password and an e-mail address, plus {@code more} attributes. */
  private static String user(Pool pool, AttributeType... more) {
    String name = "mfa-user-" + SEQUENCE.incrementAndGet();
    List<AttributeType> attributes =
        new java.util.ArrayList<>(List.of(attr("email", name + "@example.com"), attr("email_verified", "true")));
    attributes.addAll(List.of(more));
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId())
            .username(name)
            .userAttributes(attributes)
            .messageAction(MessageActionType.SUPPRESS));
    cognito.adminSetUserPassword(
        r -> r.userPoolId(pool.poolId()).username(name).password(PASSWORD).permanent(true));
    return name;
  }

  /** A new user with an authenticator secret associated, not verified yet. */
  private static String associatedUser(Pool pool) {
    String name = user(pool);
    String accessToken = signIn(pool, name).authenticationResult().accessToken();
    cognito.associateSoftwareToken(r -> r.accessToken(accessToken));
    return name;
  }

  private static VerifySoftwareTokenResponseType verify(Pool pool, String name, String code) {
    String accessToken = signIn(pool, name).authenticationResult().accessToken();
    return cognito.verifySoftwareToken(r -> r.accessToken(accessToken).userCode(code)).status();
  }

  /** Associates and verifies an authenticator by access token, and turns it on. */
  private static void registerAuthenticator(Pool pool, String name) {
    String accessToken = signIn(pool, name).authenticationResult().accessToken();
    cognito.associateSoftwareToken(r -> r.accessToken(accessToken));
    cognito.verifySoftwareToken(r -> r.accessToken(accessToken).userCode(totp(pool, name)));
    cognito.setUserMFAPreference(r -> r.accessToken(accessToken).softwareTokenMfaSettings(s -> s.enabled(true)));
  }

  private static InitiateAuthResponse signIn(Pool pool, String name) {
    return cognito.initiateAuth(
        r -> r.clientId(pool.clientId())
            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", name, "PASSWORD", PASSWORD)));
  }

  private static RespondToAuthChallengeResponse answer(
      Pool pool, InitiateAuthResponse challenge, Map<String, String> responses) {
    return answerAs(pool, challenge, challenge.challengeName(), responses);
  }

  private static RespondToAuthChallengeResponse answerAs(
      Pool pool, InitiateAuthResponse challenge, ChallengeNameType name, Map<String, String> responses) {
    Map<String, String> all = new java.util.HashMap<>(responses);
    all.put("USERNAME", challenge.challengeParameters().getOrDefault("USER_ID_FOR_SRP", ""));
    return cognito.respondToAuthChallenge(
        r -> r.clientId(pool.clientId()).challengeName(name).session(challenge.session()).challengeResponses(all));
  }

  private static String totp(Pool pool, String name) {
    return cognate.totp(pool.poolId(), name);
  }

  private static SentCode lastSent(Pool pool, String name) {
    List<SentCode> codes = cognate.outbox().codes(pool.poolId(), name);
    return codes.get(codes.size() - 1);
  }

  /** A six-digit code that is not {@code code}. */
  private static String otherThan(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  private static HttpResponse<String> totpRoute(Cognate target, Pool pool, String name) throws Exception {
    return Http.get(
        target.endpoint().resolve(
            "/_cognate/totp?userPoolId=" + URLEncoder.encode(pool.poolId(), StandardCharsets.UTF_8)
                + "&username=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
  }
}
