package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cognate.Cognate;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SentCode;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.testing.SrpClient;
import dev.cognate.support.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * USER_AUTH, choice-based sign-in, through the AWS SDK for Java v2: SELECT_CHALLENGE with the factors the pool's
 * SignInPolicy allows and the user can use, a preferred factor started at once, PASSWORD and PASSWORD_SRP (the SRP
 * answer by the tests' own {@link SrpClient}), an e-mailed code (EMAIL_OTP) as the first factor, and what follows:
 * MFA after a password, none after an e-mailed code.
 */
class UserAuthIT {
  private static final String PASSWORD = "Passw0rd!";
  private static final String INCORRECT = "Incorrect username or password.";
  private static final String WRONG_CODE = "Invalid code or auth state for the user.";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();

  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  void withoutAPreferenceTheUserChoosesFromTheFactorsThePoolAllowsAndTheyCanUse() {
    Pool passwordOnly = pool();
    String first = user(passwordOnly);
    InitiateAuthResponse choice = userAuth(passwordOnly, Map.of("USERNAME", first));
    assertEquals(ChallengeNameType.SELECT_CHALLENGE, choice.challengeName());
    assertEquals(List.of(ChallengeNameType.PASSWORD, ChallengeNameType.PASSWORD_SRP), choice.availableChallenges());
    assertEquals(Map.of(), choice.challengeParameters());
    assertNotNull(choice.session());
    assertNull(choice.authenticationResult());

    Pool withEmail = pool(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP);
    String verified = user(withEmail);
    assertEquals(
        List.of(ChallengeNameType.PASSWORD, ChallengeNameType.PASSWORD_SRP, ChallengeNameType.EMAIL_OTP),
        userAuth(withEmail, Map.of("USERNAME", verified)).availableChallenges());

    // An e-mail address not verified cannot receive a sign-in code.
    String unverified = "unverified-" + SEQUENCE.incrementAndGet();
    cognito.adminCreateUser(
        r -> r.userPoolId(withEmail.poolId())
            .username(unverified)
            .userAttributes(Users.attr("email", unverified + "@example.com"))
            .messageAction("SUPPRESS"));
    cognito.adminSetUserPassword(
        r -> r.userPoolId(withEmail.poolId()).username(unverified).password(PASSWORD).permanent(true));
    assertEquals(
        List.of(ChallengeNameType.PASSWORD, ChallengeNameType.PASSWORD_SRP),
        userAuth(withEmail, Map.of("USERNAME", unverified)).availableChallenges());
  }

  @Test
  void choosingPasswordWithThePasswordAlongSignsIn() {
    Pool pool = pool();
    String name = user(pool);
    InitiateAuthResponse choice = userAuth(pool, Map.of("USERNAME", name));

    RespondToAuthChallengeResponse signedIn =
        respond(pool, ChallengeNameType.SELECT_CHALLENGE, choice.session(),
            Map.of("USERNAME", name, "ANSWER", "PASSWORD", "PASSWORD", PASSWORD));
    assertEquals(name, usernameOf(signedIn));

    // The choice is used up with its answer.
    assertCognitoError(
        "NotAuthorizedException",
        "Invalid session for the user.",
        () -> respond(pool, ChallengeNameType.SELECT_CHALLENGE, choice.session(),
            Map.of("USERNAME", name, "ANSWER", "PASSWORD", "PASSWORD", PASSWORD)));
  }

  @Test
  void choosingPasswordAloneAsksForItAndAWrongOneIsRefused() {
    Pool pool = pool();
    String name = user(pool);
    RespondToAuthChallengeResponse asked =
        respond(pool, ChallengeNameType.SELECT_CHALLENGE, userAuth(pool, Map.of("USERNAME", name)).session(),
            Map.of("USERNAME", name, "ANSWER", "PASSWORD"));
    assertEquals(ChallengeNameType.PASSWORD, asked.challengeName());
    assertEquals(Map.of("USERNAME", name), asked.challengeParameters());

    assertCognitoError(
        "NotAuthorizedException",
        INCORRECT,
        () -> respond(pool, ChallengeNameType.PASSWORD, asked.session(),
            Map.of("USERNAME", name, "PASSWORD", "Wr0ng-password")));

    RespondToAuthChallengeResponse again =
        respond(pool, ChallengeNameType.SELECT_CHALLENGE, userAuth(pool, Map.of("USERNAME", name)).session(),
            Map.of("USERNAME", name, "ANSWER", "PASSWORD"));
    assertEquals(
        name,
        usernameOf(respond(pool, ChallengeNameType.PASSWORD, again.session(),
            Map.of("USERNAME", name, "PASSWORD", PASSWORD))));
  }

  @Test
  void aPreferredPasswordSignsInAtOnceOrIsRefused() {
    Pool pool = pool();
    String name = user(pool);
    InitiateAuthResponse signedIn =
        userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD));
    assertNull(signedIn.challengeName());
    assertNotNull(signedIn.authenticationResult().refreshToken());

    assertCognitoError(
        "NotAuthorizedException",
        INCORRECT,
        () -> userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", "Wr0ng-pass1")));

    var admin =
        cognito.adminInitiateAuth(
            r -> r.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD)));
    assertNotNull(admin.authenticationResult().accessToken());
  }

  @Test
  void passwordSrpGoesOnToThePasswordVerifier() {
    Pool pool = pool();
    String name = user(pool);
    SrpClient srp = new SrpClient(pool.poolId());
    InitiateAuthResponse verifier =
        userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "PASSWORD_SRP", "SRP_A", srp.srpA()));
    assertEquals(ChallengeNameType.PASSWORD_VERIFIER, verifier.challengeName());
    RespondToAuthChallengeResponse signedIn =
        respond(pool, ChallengeNameType.PASSWORD_VERIFIER, verifier.session(),
            srp.answer(verifier.challengeParameters(), PASSWORD));
    assertEquals(name, usernameOf(signedIn));

    // Chosen from SELECT_CHALLENGE, with SRP_A along.
    SrpClient second = new SrpClient(pool.poolId());
    RespondToAuthChallengeResponse chosen =
        respond(pool, ChallengeNameType.SELECT_CHALLENGE, userAuth(pool, Map.of("USERNAME", name)).session(),
            Map.of("USERNAME", name, "ANSWER", "PASSWORD_SRP", "SRP_A", second.srpA()));
    assertEquals(ChallengeNameType.PASSWORD_VERIFIER, chosen.challengeName());
    assertCognitoError(
        "NotAuthorizedException",
        INCORRECT,
        () -> respond(pool, ChallengeNameType.PASSWORD_VERIFIER, chosen.session(),
            second.answer(chosen.challengeParameters(), "Wr0ng-password")));

    // Preferred without SRP_A: the PASSWORD_SRP challenge asks for it.
    SrpClient third = new SrpClient(pool.poolId());
    InitiateAuthResponse asked = userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "PASSWORD_SRP"));
    assertEquals(ChallengeNameType.PASSWORD_SRP, asked.challengeName());
    RespondToAuthChallengeResponse verifying =
        respond(pool, ChallengeNameType.PASSWORD_SRP, asked.session(), Map.of("USERNAME", name, "SRP_A", third.srpA()));
    assertEquals(ChallengeNameType.PASSWORD_VERIFIER, verifying.challengeName());
    assertEquals(
        name,
        usernameOf(respond(pool, ChallengeNameType.PASSWORD_VERIFIER, verifying.session(),
            third.answer(verifying.challengeParameters(), PASSWORD))));
  }

  @Test
  void anEmailedCodeIsAFirstFactor() {
    Pool pool = pool(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP);
    String name = user(pool);
    InitiateAuthResponse challenge =
        userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "EMAIL_OTP"));
    assertEquals(ChallengeNameType.EMAIL_OTP, challenge.challengeName());
    assertEquals("EMAIL", challenge.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
    assertEquals("u***@e***", challenge.challengeParameters().get("CODE_DELIVERY_DESTINATION"));
    SentCode sent = lastSent(pool, name);
    assertEquals(CodePurpose.MFA, sent.purpose());
    assertEquals(name + "@example.com", sent.destination());

    assertCognitoError(
        "CodeMismatchException",
        WRONG_CODE,
        () -> respond(pool, ChallengeNameType.EMAIL_OTP, challenge.session(),
            Map.of("USERNAME", name, "EMAIL_OTP_CODE", otherThan(sent.code()))));
    RespondToAuthChallengeResponse signedIn =
        respond(pool, ChallengeNameType.EMAIL_OTP, challenge.session(),
            Map.of("USERNAME", name, "EMAIL_OTP_CODE", sent.code()));
    assertEquals(name, usernameOf(signedIn));

    // Chosen from SELECT_CHALLENGE: the code is sent when the choice is made.
    RespondToAuthChallengeResponse chosen =
        respond(pool, ChallengeNameType.SELECT_CHALLENGE, userAuth(pool, Map.of("USERNAME", name)).session(),
            Map.of("USERNAME", name, "ANSWER", "EMAIL_OTP"));
    assertEquals(ChallengeNameType.EMAIL_OTP, chosen.challengeName());
    assertEquals(
        name,
        usernameOf(respond(pool, ChallengeNameType.EMAIL_OTP, chosen.session(),
            Map.of("USERNAME", name, "EMAIL_OTP_CODE", lastSent(pool, name).code()))));
  }

  @Test
  void mfaFollowsAPasswordButNotAnEmailedCode() {
    Pool pool = pool(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP);
    cognito.setUserPoolMfaConfig(
        r -> r.userPoolId(pool.poolId())
            .mfaConfiguration(UserPoolMfaType.OPTIONAL)
            .softwareTokenMfaConfiguration(t -> t.enabled(true)));
    String name = user(pool);
    String accessToken =
        userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD))
            .authenticationResult()
            .accessToken();
    cognito.associateSoftwareToken(r -> r.accessToken(accessToken));
    cognito.verifySoftwareToken(r -> r.accessToken(accessToken).userCode(cognate.totp(pool.poolId(), name)));
    cognito.setUserMFAPreference(
        r -> r.accessToken(accessToken).softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));

    InitiateAuthResponse mfa =
        userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD));
    assertEquals(ChallengeNameType.SOFTWARE_TOKEN_MFA, mfa.challengeName());
    assertEquals(
        name,
        usernameOf(respond(pool, ChallengeNameType.SOFTWARE_TOKEN_MFA, mfa.session(),
            Map.of("USERNAME", name, "SOFTWARE_TOKEN_MFA_CODE", cognate.totp(pool.poolId(), name)))));

    InitiateAuthResponse otp = userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "EMAIL_OTP"));
    RespondToAuthChallengeResponse signedIn =
        respond(pool, ChallengeNameType.EMAIL_OTP, otp.session(),
            Map.of("USERNAME", name, "EMAIL_OTP_CODE", lastSent(pool, name).code()));
    assertNull(signedIn.challengeName());
    assertEquals(name, usernameOf(signedIn));
  }

  /**
   * Where the pool requires MFA, a code to the e-mail address alone would be a sign-in with one factor: it is not
   * offered, so no path to tokens skips the second factor.
   */
  @Test
  void anEmailedCodeIsNoFirstFactorWhereThePoolRequiresMfa() {
    Pool pool = pool(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP);
    String name = user(pool);
    cognito.setUserPoolMfaConfig(
        r -> r.userPoolId(pool.poolId())
            .mfaConfiguration(UserPoolMfaType.ON)
            .softwareTokenMfaConfiguration(t -> t.enabled(true)));
    assertOnlyPasswordsOffered(pool, name);
  }

  @Test
  void aFactorThePoolOrTheUserLacksIsNotOffered() {
    Pool pool = pool();
    String name = user(pool);
    // Preferred but not allowed: the choice of what is allowed instead.
    assertOnlyPasswordsOffered(pool, name);
    assertCognitoError(
        "UnsupportedOperationException",
        "Cognate does not emulate the WEB_AUTHN sign-in factor yet; use PASSWORD, PASSWORD_SRP or EMAIL_OTP.",
        () -> userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "WEB_AUTHN")));
    assertCognitoError(
        "InvalidParameterException",
        "Missing required parameter USERNAME",
        () -> userAuth(pool, Map.of("PREFERRED_CHALLENGE", "PASSWORD")));
  }

  @Test
  void theChoiceIsCheckedAgainstTheUserAsTheyAreWhenItIsAnswered() {
    Pool pool = pool(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP);
    String name = user(pool);
    InitiateAuthResponse choice = userAuth(pool, Map.of("USERNAME", name));
    assertEquals(3, choice.availableChallenges().size());
    cognito.adminUpdateUserAttributes(
        r -> r.userPoolId(pool.poolId()).username(name).userAttributes(Users.attr("email_verified", "false")));
    assertInvalidParameter(
        "The challenge EMAIL_OTP is not available for the user.",
        () -> respond(pool, ChallengeNameType.SELECT_CHALLENGE, choice.session(),
            Map.of("USERNAME", name, "ANSWER", "EMAIL_OTP")));
  }

  @Test
  void disabledAndUnconfirmedUsersAreRefusedBeforeAnyChoice() {
    Pool pool = pool();
    String disabled = user(pool);
    cognito.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(disabled));
    assertCognitoError(
        "NotAuthorizedException", "User is disabled.", () -> userAuth(pool, Map.of("USERNAME", disabled)));

    String unconfirmed = "unconfirmed-" + SEQUENCE.incrementAndGet();
    Users.signUp(cognito, pool.clientId(), unconfirmed, PASSWORD, Users.attr("email", unconfirmed + "@example.com"));
    assertCognitoError(
        "UserNotConfirmedException", "User is not confirmed.", () -> userAuth(pool, Map.of("USERNAME", unconfirmed)));
  }

  @Test
  void theClientMustAllowUserAuth() {
    Pool pool = Pools.pool(cognito, p -> {}, c -> {});
    String name = "nobody-" + SEQUENCE.incrementAndGet();
    assertInvalidParameter(
        "USER_AUTH flow not enabled for this client", () -> userAuth(pool, Map.of("USERNAME", name)));
  }

  @Test
  void unknownUsersAreNamedUnderLegacyAndOfferedAChoiceThatFailsUnderEnabled() {
    Pool pool = pool();
    assertCognitoError(
        "UserNotFoundException", "User does not exist.", () -> userAuth(pool, Map.of("USERNAME", "ghost")));

    Pool hiding = hidingClient(pool);
    InitiateAuthResponse decoy = userAuth(hiding, Map.of("USERNAME", "ghost"));
    assertEquals(ChallengeNameType.SELECT_CHALLENGE, decoy.challengeName());
    assertEquals(List.of(ChallengeNameType.PASSWORD, ChallengeNameType.PASSWORD_SRP), decoy.availableChallenges());
    assertCognitoError(
        "NotAuthorizedException",
        INCORRECT,
        () -> respond(hiding, ChallengeNameType.SELECT_CHALLENGE, decoy.session(),
            Map.of("USERNAME", "ghost", "ANSWER", "PASSWORD", "PASSWORD", PASSWORD)));
    assertCognitoError(
        "NotAuthorizedException",
        INCORRECT,
        () -> userAuth(hiding, Map.of("USERNAME", "ghost", "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD)));
  }

  @Test
  void anUnknownUsersChoiceOfAnEmailedCodeLooksLikeAKnownUsers() {
    Pool pool = pool(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP);
    Pool hiding = hidingClient(pool);
    InitiateAuthResponse decoy = userAuth(hiding, Map.of("USERNAME", "ghost"));

    // A known user choosing EMAIL_OTP gets the code's challenge; an unknown one must get the same shape, and then
    // the answer every wrong code gets, so that the choice does not tell who exists.
    RespondToAuthChallengeResponse chosen =
        respond(
            hiding,
            ChallengeNameType.SELECT_CHALLENGE,
            decoy.session(),
            Map.of("USERNAME", "ghost", "ANSWER", "EMAIL_OTP"));
    assertEquals(ChallengeNameType.EMAIL_OTP, chosen.challengeName());
    assertEquals("EMAIL", chosen.challengeParameters().get("CODE_DELIVERY_DELIVERY_MEDIUM"));
    assertEquals("g***@e***", chosen.challengeParameters().get("CODE_DELIVERY_DESTINATION"));
    for (int wrong = 1; wrong <= 5; wrong++) {
      assertCognitoError(
          "CodeMismatchException",
          WRONG_CODE,
          () -> respond(hiding, ChallengeNameType.EMAIL_OTP, chosen.session(),
              Map.of("USERNAME", "ghost", "EMAIL_OTP_CODE", "123456")));
    }
    // As a known user's session is, the decoy is used up after five wrong codes, and the choice after one answer.
    assertCognitoError(
        "NotAuthorizedException",
        "Invalid session for the user.",
        () -> respond(hiding, ChallengeNameType.EMAIL_OTP, chosen.session(),
            Map.of("USERNAME", "ghost", "EMAIL_OTP_CODE", "123456")));
    assertCognitoError(
        "NotAuthorizedException",
        "Invalid session for the user.",
        () -> respond(hiding, ChallengeNameType.SELECT_CHALLENGE, decoy.session(),
            Map.of("USERNAME", "ghost", "ANSWER", "EMAIL_OTP")));
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  /** A pool with e-mail auto-verified, a short password policy and the given first factors. */
  /** Preferring EMAIL_OTP where it is not available: the choice of passwords instead, and choosing it refused. */
  private static void assertOnlyPasswordsOffered(Pool pool, String name) {
    InitiateAuthResponse choice = userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "EMAIL_OTP"));
    assertEquals(ChallengeNameType.SELECT_CHALLENGE, choice.challengeName());
    assertEquals(List.of(ChallengeNameType.PASSWORD, ChallengeNameType.PASSWORD_SRP), choice.availableChallenges());
    assertInvalidParameter(
        "The challenge EMAIL_OTP is not available for the user.",
        () -> respond(pool, ChallengeNameType.SELECT_CHALLENGE, choice.session(),
            Map.of("USERNAME", name, "ANSWER", "EMAIL_OTP")));
  }

  /** Another USER_AUTH client of the pool, one that hides who exists (PreventUserExistenceErrors ENABLED). */
  private static Pool hidingClient(Pool pool) {
    return new Pool(
        pool.poolId(),
        Pools.client(
                cognito,
                pool.poolId(),
                c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH)
                    .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED))
            .clientId(),
        null);
  }

  private static Pool pool(AuthFactorType... factors) {
    return Pools.pool(
        cognito,
        b -> {
          b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL);
          b.policies(
              p -> {
                p.passwordPolicy(pp -> pp.minimumLength(6));
                if (factors.length > 0) {
                  p.signInPolicy(s -> s.allowedFirstAuthFactors(factors));
                }
              });
        },
        c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  /** A confirmed user with a verified e-mail address {@code <name>@example.com}. */
  private static String user(Pool pool) {
    String name = "user-" + SEQUENCE.incrementAndGet();
    Users.signUpConfirmed(cognito, cognate, pool, name, PASSWORD, Users.attr("email", name + "@example.com"));
    return name;
  }

  private static InitiateAuthResponse userAuth(Pool pool, Map<String, String> parameters) {
    return cognito.initiateAuth(
        r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_AUTH).authParameters(parameters));
  }

  private static RespondToAuthChallengeResponse respond(
      Pool pool, ChallengeNameType name, String session, Map<String, String> responses) {
    return cognito.respondToAuthChallenge(
        r -> r.clientId(pool.clientId()).challengeName(name).session(session).challengeResponses(new HashMap<>(responses)));
  }

  private static String usernameOf(RespondToAuthChallengeResponse signedIn) {
    String accessToken = signedIn.authenticationResult().accessToken();
    return cognito.getUser(r -> r.accessToken(accessToken)).username();
  }

  private static SentCode lastSent(Pool pool, String name) {
    List<SentCode> codes = cognate.outbox().codes(pool.poolId(), name);
    return codes.get(codes.size() - 1);
  }

  /** A six-digit code that is not {@code code}. */
  private static String otherThan(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }
}
