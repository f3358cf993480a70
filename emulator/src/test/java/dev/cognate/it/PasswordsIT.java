package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static dev.cognate.support.Users.APP_PASSWORD;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.refresh;
import static dev.cognate.support.Users.secretHash;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUp;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SentCode;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.support.Race.Outcome;
import dev.cognate.support.TestEmulator;
import dev.cognate.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RecoveryOptionNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * ForgotPassword, ConfirmForgotPassword, ChangePassword, AdminSetUserPassword and AdminResetUserPassword through
 * the real SDK v2 client, with codes read from the outbox.
 */
class PasswordsIT {
  private static final String NEW_PASSWORD = "another1";
  private static final String INCORRECT = "Incorrect username or password.";
  private static final String WRONG_CODE = "Invalid verification code provided, please try again.";
  private static final String EXPIRED_CODE = "Invalid code provided, please request a code again.";
  private static final String NO_CHANNEL =
      "Cannot reset password for the user as there is no registered/verified email or phone_number";
  private static final String RESET_REQUIRED = "Password reset required for the user";
  private static final String TOO_SHORT = "Password did not conform with policy: Password not long enough";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.start();
  private static final Cognate COGNATE = EMULATOR.cognate();
  private static final CognitoIdentityProviderClient COGNITO = EMULATOR.cognito();
  private static Pool pool;
  /** A second client of {@link #pool} that hides whether users exist. */
  private static String hidingClientId;

  @BeforeAll
  static void createPool() {
    pool = Pools.appPool(COGNITO, PasswordsIT::passwordFlows);
    hidingClientId =
        Pools.client(
                COGNITO,
                pool.poolId(),
                c -> {
                  passwordFlows(c);
                  c.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED);
                })
            .clientId();
  }

  private static void passwordFlows(CreateUserPoolClientRequest.Builder client) {
    client.explicitAuthFlows(
        ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
        ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
  }

  /** A pool asking only for six-character passwords, otherwise as {@code settings} say. */
  private static Pool sixCharacterPool(Consumer<CreateUserPoolRequest.Builder> settings) {
    return Pools.pool(
        COGNITO,
        b -> {
          b.policies(
              p -> p.passwordPolicy(
                  pp -> pp.minimumLength(6)
                      .requireUppercase(false)
                      .requireLowercase(false)
                      .requireNumbers(false)
                      .requireSymbols(false)));
          settings.accept(b);
        },
        c -> {});
  }

  /** A confirmed user of {@link #pool} whose e-mail was verified by the sign-up code. */
  private static String newUser() {
    String username = "pw" + SEQUENCE.incrementAndGet();
    signUpConfirmed(COGNITO, COGNATE, pool, username, APP_PASSWORD, attr("email", username + "@example.com"));
    return username;
  }

  /** A user confirmed by an administrator: confirmed, but with an unverified e-mail. */
  private static String userWithoutVerifiedChannel() {
    String username = "plain" + SEQUENCE.incrementAndGet();
    signUp(COGNITO, pool, username, username + "@example.com");
    COGNITO.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username(username));
    return username;
  }

  private static List<SentCode> resetCodes(Cognate cognate, String poolId, String username) {
    return cognate.outbox().codes(poolId, username).stream()
        .filter(c -> c.purpose() == CodePurpose.FORGOT_PASSWORD)
        .toList();
  }

  private static String lastResetCode(Cognate cognate, String poolId, String username) {
    List<SentCode> codes = resetCodes(cognate, poolId, username);
    assertFalse(codes.isEmpty(), "no FORGOT_PASSWORD code for " + username);
    return codes.get(codes.size() - 1).code();
  }

  private static CodeDeliveryDetailsType forgot(String clientId, String username) {
    return COGNITO.forgotPassword(r -> r.clientId(clientId).username(username)).codeDeliveryDetails();
  }

  private static void confirmForgot(String clientId, String username, String code, String password) {
    COGNITO.confirmForgotPassword(
        r -> r.clientId(clientId).username(username).confirmationCode(code).password(password));
  }

  private static UserStatusType status(String username) {
    return COGNITO.adminGetUser(r -> r.userPoolId(pool.poolId()).username(username)).userStatus();
  }

  private static void assertSignInRefused(String username, String password) {
    assertCognitoError(
        NotAuthorizedException.class, INCORRECT, () -> signIn(COGNITO, pool.clientId(), username, password));
  }

  // ------------------------------------------------------------------------------------------ ForgotPassword

  @Test
  void forgotPasswordMailsAResetCodeAndConfirmingItReplacesThePassword() {
    String username = newUser();

    CodeDeliveryDetailsType details = forgot(pool.clientId(), username);

    assertEquals(username.charAt(0) + "***@e***", details.destination());
    assertEquals(DeliveryMediumType.EMAIL, details.deliveryMedium());
    assertEquals("email", details.attributeName());
    List<SentCode> codes = resetCodes(COGNATE, pool.poolId(), username);
    assertEquals(1, codes.size(), codes.toString());
    assertEquals("EMAIL", codes.get(0).deliveryMedium());
    assertEquals(username + "@example.com", codes.get(0).destination());
    assertEquals(true, codes.get(0).code().matches("\\d{6}"), codes.get(0).code());

    confirmForgot(pool.clientId(), username, codes.get(0).code(), NEW_PASSWORD);

    assertNotNull(signIn(COGNITO, pool.clientId(), username, NEW_PASSWORD).accessToken());
    assertSignInRefused(username, APP_PASSWORD);
    assertEquals(UserStatusType.CONFIRMED, status(username));
  }

  @Test
  void forgotPasswordChecksTheSecretHash() {
    Pool secret = Pools.appPool(COGNITO, c -> c.generateSecret(true));
    String username = "hashed";
    signUpConfirmed(
        COGNITO, COGNATE, secretPoolSignUp(secret), username, APP_PASSWORD, attr("email", "hashed@example.com"));

    assertCognitoError(
        NotAuthorizedException.class,
        "Client " + secret.clientId() + " is configured with secret but SECRET_HASH was not received",
        () -> COGNITO.forgotPassword(r -> r.clientId(secret.clientId()).username(username)));
    assertCognitoError(
        NotAuthorizedException.class,
        "Unable to verify secret hash for client " + secret.clientId(),
        () -> COGNITO.forgotPassword(
            r -> r.clientId(secret.clientId()).username(username).secretHash(secretHash("wrong", username, "x"))));

    String hash = secretHash(secret.clientSecret(), username, secret.clientId());
    COGNITO.forgotPassword(r -> r.clientId(secret.clientId()).username(username).secretHash(hash));
    String code = lastResetCode(COGNATE, secret.poolId(), username);
    COGNITO.confirmForgotPassword(
        r -> r.clientId(secret.clientId()).username(username).secretHash(hash).confirmationCode(code)
            .password(NEW_PASSWORD));
  }

  /** The test helpers sign up without a secret hash, so the secret client's pool gets a second, plain client. */
  private static Pool secretPoolSignUp(Pool secret) {
    return new Pool(secret.poolId(), Pools.client(COGNITO, secret.poolId(), c -> {}).clientId(), null);
  }

  @Test
  void forgotPasswordWithoutAVerifiedChannelIsRefusedAndSendsNothing() {
    String username = userWithoutVerifiedChannel();

    assertInvalidParameter(NO_CHANNEL, () -> forgot(pool.clientId(), username));
    assertEquals(List.of(), resetCodes(COGNATE, pool.poolId(), username));
  }

  @Test
  void forgotPasswordForAnUnknownUserIsNotFoundUnlessTheClientHidesIt() {
    assertCognitoError(
        UserNotFoundException.class,
        "Username/client id combination not found.",
        () -> forgot(pool.clientId(), "nobody"));

    CodeDeliveryDetailsType simulated = forgot(hidingClientId, "nobody");
    assertEquals("n***@e***", simulated.destination());
    assertEquals(DeliveryMediumType.EMAIL, simulated.deliveryMedium());
    assertEquals("email", simulated.attributeName());
    assertEquals(List.of(), COGNATE.outbox().codes(pool.poolId(), "nobody"));
  }

  @Test
  void forgotPasswordForADisabledUserIsRefusedUnlessTheClientHidesIt() {
    String username = newUser();
    COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(username));

    assertCognitoError(NotAuthorizedException.class, "User is disabled.", () -> forgot(pool.clientId(), username));
    assertEquals(DeliveryMediumType.EMAIL, forgot(hidingClientId, username).deliveryMedium());
    assertEquals(List.of(), resetCodes(COGNATE, pool.poolId(), username));
  }

  @Test
  void forgotPasswordOfAUserWithATemporaryPasswordIsRefused() {
    String username = newUser();
    COGNITO.adminSetUserPassword(
        r -> r.userPoolId(pool.poolId()).username(username).password("temporary").permanent(false));

    assertCognitoError(
        NotAuthorizedException.class,
        "User password cannot be reset in the current state.",
        () -> forgot(pool.clientId(), username));
  }

  @Test
  void withoutARecoverySettingAVerifiedPhoneIsPreferredOverEmail() {
    Pool phonePool = sixCharacterPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER));
    signUpConfirmed(
        COGNITO, COGNATE, phonePool, "phoned", APP_PASSWORD,
        attr("email", "phoned@example.com"), attr("phone_number", "+15555550123"));

    CodeDeliveryDetailsType details = forgot(phonePool.clientId(), "phoned");

    assertEquals(DeliveryMediumType.SMS, details.deliveryMedium());
    assertEquals("phone_number", details.attributeName());
    assertEquals("+*******0123", details.destination());
    SentCode sent = resetCodes(COGNATE, phonePool.poolId(), "phoned").get(0);
    assertEquals("SMS", sent.deliveryMedium());
    assertEquals("+15555550123", sent.destination());
  }

  @Test
  void aRecoverySettingOfEmailOnlyIgnoresAVerifiedPhone() {
    Pool emailOnly =
        sixCharacterPool(
            b -> b.autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER)
                .accountRecoverySetting(
                    s -> s.recoveryMechanisms(m -> m.name(RecoveryOptionNameType.VERIFIED_EMAIL).priority(1))));
    signUpConfirmed(
        COGNITO, COGNATE, emailOnly, "phoned", APP_PASSWORD,
        attr("email", "phoned@example.com"), attr("phone_number", "+15555550123"));

    assertInvalidParameter(NO_CHANNEL, () -> forgot(emailOnly.clientId(), "phoned"));
  }

  @Test
  void aRecoverySettingOfAdminOnlyOffersNoChannel() {
    Pool adminOnly =
        sixCharacterPool(
            b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .accountRecoverySetting(
                    s -> s.recoveryMechanisms(m -> m.name(RecoveryOptionNameType.ADMIN_ONLY).priority(1))));
    signUpConfirmed(COGNITO, COGNATE, adminOnly, "mailed", APP_PASSWORD, attr("email", "mailed@example.com"));

    assertInvalidParameter(NO_CHANNEL, () -> forgot(adminOnly.clientId(), "mailed"));
  }

  @Test
  void anUnconfirmedUserHasNoVerifiedChannel() {
    String username = "unconfirmed" + SEQUENCE.incrementAndGet();
    signUp(COGNITO, pool, username, username + "@example.com");

    assertInvalidParameter(NO_CHANNEL, () -> forgot(pool.clientId(), username));
  }

  @Test
  void inAnEmailUsernamePoolTheEmailFindsTheUser() {
    Pool emailPool = Pools.emailUsernamePool(COGNITO);
    String sub = signUpConfirmed(COGNITO, COGNATE, emailPool, "mail@example.com", "Passw0rd!");

    CodeDeliveryDetailsType details = forgot(emailPool.clientId(), "mail@example.com");

    assertEquals("m***@e***", details.destination());
    SentCode sent = resetCodes(COGNATE, emailPool.poolId(), "mail@example.com").get(0);
    assertEquals(sub, sent.username());
    COGNITO.confirmForgotPassword(
        r -> r.clientId(emailPool.clientId()).username("mail@example.com").confirmationCode(sent.code())
            .password("N3wPassw0rd!"));
  }

  @Test
  void forgotPasswordIsCheckedAgainstTheModel() {
    assertInvalidParameter(
        "1 validation error detected: Value null at 'username' failed to satisfy constraint: "
            + "Member must not be null",
        () -> COGNITO.forgotPassword(r -> r.clientId(pool.clientId())));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool client 1example23456789 does not exist.",
        () -> COGNITO.forgotPassword(r -> r.clientId("1example23456789").username("someone")));
  }

  // ------------------------------------------------------------------------------------------ ConfirmForgotPassword

  @Test
  void confirmForgotPasswordWithoutAForgotPasswordIsAnExpiredCode() {
    String username = newUser();
    assertCognitoError(
        ExpiredCodeException.class,
        EXPIRED_CODE,
        () -> confirmForgot(pool.clientId(), username, "123456", NEW_PASSWORD));
    assertNotNull(signIn(COGNITO, pool.clientId(), username, APP_PASSWORD).accessToken());
  }

  @Test
  void aWrongCodeIsAMismatchAndKeepsTheRightOneUsable() {
    String username = newUser();
    forgot(pool.clientId(), username);
    String code = lastResetCode(COGNATE, pool.poolId(), username);
    String wrong = code.equals("000000") ? "111111" : "000000";

    assertCognitoError(
        CodeMismatchException.class, WRONG_CODE, () -> confirmForgot(pool.clientId(), username, wrong, NEW_PASSWORD));

    confirmForgot(pool.clientId(), username, code, NEW_PASSWORD);
    assertNotNull(signIn(COGNITO, pool.clientId(), username, NEW_PASSWORD).accessToken());
  }

  @Test
  void aPasswordBreakingThePolicyIsRefusedAndTheCodeKept() {
    String username = newUser();
    forgot(pool.clientId(), username);
    String code = lastResetCode(COGNATE, pool.poolId(), username);

    assertCognitoError(
        InvalidPasswordException.class, TOO_SHORT, () -> confirmForgot(pool.clientId(), username, code, "short"));

    confirmForgot(pool.clientId(), username, code, NEW_PASSWORD);
  }

  @Test
  void aCodeIsUsedOnceAndANewRequestReplacesIt() {
    String username = newUser();
    forgot(pool.clientId(), username);
    String first = lastResetCode(COGNATE, pool.poolId(), username);
    forgot(pool.clientId(), username);
    String second = lastResetCode(COGNATE, pool.poolId(), username);
    if (!first.equals(second)) {
      assertCognitoError(
          CodeMismatchException.class,
          WRONG_CODE,
          () -> confirmForgot(pool.clientId(), username, first, NEW_PASSWORD));
    }

    confirmForgot(pool.clientId(), username, second, NEW_PASSWORD);

    assertCognitoError(
        ExpiredCodeException.class,
        EXPIRED_CODE,
        () -> confirmForgot(pool.clientId(), username, second, "yetanother"));
    assertNotNull(signIn(COGNITO, pool.clientId(), username, NEW_PASSWORD).accessToken());
  }

  @Test
  void oneCodeUsedConcurrentlySucceedsOnce() throws Exception {
    String username = newUser();
    forgot(pool.clientId(), username);
    String code = lastResetCode(COGNATE, pool.poolId(), username);

    List<Outcome> outcomes =
        Race.run(
            8,
            24,
            i -> {
              confirmForgot(pool.clientId(), username, code, "racer" + i + "pw");
              return "racer" + i + "pw";
            });

    List<Outcome> winners = outcomes.stream().filter(Outcome::ok).toList();
    System.out.println("PasswordsIT: 24 concurrent ConfirmForgotPassword with one code: " + outcomes);
    assertEquals(1, winners.size(), "one code, one success: " + outcomes);
    for (Outcome loser : outcomes.stream().filter(o -> !o.ok()).toList()) {
      assertEquals("ExpiredCodeException", loser.errorCode(), loser.toString());
      assertEquals(EXPIRED_CODE, loser.message());
    }
    assertNotNull(signIn(COGNITO, pool.clientId(), username, winners.get(0).value()).accessToken());
  }

  @Test
  void confirmForgotPasswordForAnUnknownUserIsNotFoundOrAMismatchWhenHidden() {
    assertCognitoError(
        UserNotFoundException.class,
        "Username/client id combination not found.",
        () -> confirmForgot(pool.clientId(), "nobody", "123456", NEW_PASSWORD));
    assertCognitoError(
        CodeMismatchException.class, WRONG_CODE, () -> confirmForgot(hidingClientId, "nobody", "123456", NEW_PASSWORD));
  }

  @Test
  void confirmForgotPasswordForADisabledUserChangesNothing() {
    String username = newUser();
    forgot(pool.clientId(), username);
    String code = lastResetCode(COGNATE, pool.poolId(), username);
    COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(username));

    assertCognitoError(
        NotAuthorizedException.class,
        "User is disabled.",
        () -> confirmForgot(pool.clientId(), username, code, NEW_PASSWORD));
    assertCognitoError(
        CodeMismatchException.class, WRONG_CODE, () -> confirmForgot(hidingClientId, username, code, NEW_PASSWORD));

    COGNITO.adminEnableUser(r -> r.userPoolId(pool.poolId()).username(username));
    confirmForgot(pool.clientId(), username, code, NEW_PASSWORD);
  }

  @Test
  void sessionsBeganBeforeAResetSurviveIt() {
    String username = newUser();
    AuthenticationResultType before = signIn(COGNITO, pool.clientId(), username, APP_PASSWORD);
    forgot(pool.clientId(), username);
    confirmForgot(pool.clientId(), username, lastResetCode(COGNATE, pool.poolId(), username), NEW_PASSWORD);

    assertNotNull(refresh(COGNITO, pool.clientId(), before.refreshToken()).accessToken());
    assertEquals(username, COGNITO.getUser(r -> r.accessToken(before.accessToken())).username());
  }

  @Test
  void aResetCodeExpiresAfterOneHour() {
    MutableClock clock = MutableClock.startingNow();
    try (Cognate timed = TestEmulator.start(CognateConfig.forTests().clock(clock));
        CognitoIdentityProviderClient client = TestEmulator.client(timed)) {
      Pool timedPool = Pools.appPool(client);
      for (String username : List.of("early", "late")) {
        signUpConfirmed(client, timed, timedPool, username, APP_PASSWORD, attr("email", username + "@example.com"));
        client.forgotPassword(r -> r.clientId(timedPool.clientId()).username(username));
      }
      String early = lastResetCode(timed, timedPool.poolId(), "early");
      String late = lastResetCode(timed, timedPool.poolId(), "late");

      clock.advance(Duration.ofHours(1).minusSeconds(1));
      client.confirmForgotPassword(
          r -> r.clientId(timedPool.clientId()).username("early").confirmationCode(early).password(NEW_PASSWORD));

      clock.advance(Duration.ofSeconds(2)); // one hour and one second after the request
      assertCognitoError(
          ExpiredCodeException.class,
          EXPIRED_CODE,
          () -> client.confirmForgotPassword(
              r -> r.clientId(timedPool.clientId()).username("late").confirmationCode(late).password(NEW_PASSWORD)));

      client.forgotPassword(r -> r.clientId(timedPool.clientId()).username("late"));
      String fresh = lastResetCode(timed, timedPool.poolId(), "late");
      client.confirmForgotPassword(
          r -> r.clientId(timedPool.clientId()).username("late").confirmationCode(fresh).password(NEW_PASSWORD));
    }
  }

  @Test
  void confirmForgotPasswordIsCheckedAgainstTheModel() {
    assertInvalidParameter(
        "1 validation error detected: Value null at 'password' failed to satisfy constraint: "
            + "Member must not be null",
        () -> COGNITO.confirmForgotPassword(
            r -> r.clientId(pool.clientId()).username("someone").confirmationCode("123456")));
  }

  // ------------------------------------------------------------------------------------------ ChangePassword

  @Test
  void changePasswordReplacesThePasswordAndKeepsSessions() {
    String username = newUser();
    AuthenticationResultType tokens = signIn(COGNITO, pool.clientId(), username, APP_PASSWORD);

    COGNITO.changePassword(
        r -> r.accessToken(tokens.accessToken()).previousPassword(APP_PASSWORD).proposedPassword(NEW_PASSWORD));

    assertNotNull(signIn(COGNITO, pool.clientId(), username, NEW_PASSWORD).accessToken());
    assertSignInRefused(username, APP_PASSWORD);
    assertNotNull(refresh(COGNITO, pool.clientId(), tokens.refreshToken()).accessToken());
  }

  @Test
  void changePasswordWithAWrongPreviousPasswordIsRefused() {
    String username = newUser();
    String accessToken = signIn(COGNITO, pool.clientId(), username, APP_PASSWORD).accessToken();

    assertCognitoError(
        NotAuthorizedException.class,
        INCORRECT,
        () -> COGNITO.changePassword(
            r -> r.accessToken(accessToken).previousPassword("notmine").proposedPassword(NEW_PASSWORD)));
    assertNotNull(signIn(COGNITO, pool.clientId(), username, APP_PASSWORD).accessToken());
  }

  @Test
  void changePasswordIsLimitedToFiveAttemptsPerUserAndHour() {
    String username = newUser();
    String accessToken = signIn(COGNITO, pool.clientId(), username, APP_PASSWORD).accessToken();
    for (int guess = 0; guess < 5; guess++) {
      String previous = "guess" + guess;
      assertCognitoError(
          NotAuthorizedException.class,
          INCORRECT,
          () -> COGNITO.changePassword(
              r -> r.accessToken(accessToken).previousPassword(previous).proposedPassword(NEW_PASSWORD)));
    }

    // Past Cognito's five ChangePassword calls per user and hour, even the right password is refused.
    assertCognitoError(
        LimitExceededException.class,
        "Attempt limit exceeded, please try after some time.",
        () -> COGNITO.changePassword(
            r -> r.accessToken(accessToken).previousPassword(APP_PASSWORD).proposedPassword(NEW_PASSWORD)));
    assertNotNull(signIn(COGNITO, pool.clientId(), username, APP_PASSWORD).accessToken());
  }

  @Test
  void changePasswordEnforcesThePolicy() {
    String username = newUser();
    String accessToken = signIn(COGNITO, pool.clientId(), username, APP_PASSWORD).accessToken();

    assertCognitoError(
        InvalidPasswordException.class,
        TOO_SHORT,
        () -> COGNITO.changePassword(
            r -> r.accessToken(accessToken).previousPassword(APP_PASSWORD).proposedPassword("short")));
  }

  @Test
  void changePasswordChecksTheAccessToken() {
    String username = newUser();
    String accessToken = signIn(COGNITO, pool.clientId(), username, APP_PASSWORD).accessToken();
    COGNITO.globalSignOut(r -> r.accessToken(accessToken));

    assertCognitoError(
        NotAuthorizedException.class,
        "Access Token has been revoked",
        () -> COGNITO.changePassword(
            r -> r.accessToken(accessToken).previousPassword(APP_PASSWORD).proposedPassword(NEW_PASSWORD)));
    assertCognitoError(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> COGNITO.changePassword(
            r -> r.accessToken("not.a.token").previousPassword(APP_PASSWORD).proposedPassword(NEW_PASSWORD)));
  }

  @Test
  void changePasswordIsCheckedAgainstTheModel() {
    String username = newUser();
    String accessToken = signIn(COGNITO, pool.clientId(), username, APP_PASSWORD).accessToken();

    assertInvalidParameter(
        "1 validation error detected: Value null at 'proposedPassword' failed to satisfy constraint: "
            + "Member must not be null",
        () -> COGNITO.changePassword(r -> r.accessToken(accessToken).previousPassword(APP_PASSWORD)));
    assertInvalidParameter(
        "1 validation error detected: Value null at 'previousPassword' failed to satisfy constraint: "
            + "Member must not be null",
        () -> COGNITO.changePassword(r -> r.accessToken(accessToken).proposedPassword(NEW_PASSWORD)));
  }

  @Test
  void changingATemporaryPasswordConfirmsTheUser() {
    String username = newUser();
    String accessToken = signIn(COGNITO, pool.clientId(), username, APP_PASSWORD).accessToken();
    COGNITO.adminSetUserPassword(r -> r.userPoolId(pool.poolId()).username(username).password("temporary"));

    COGNITO.changePassword(
        r -> r.accessToken(accessToken).previousPassword("temporary").proposedPassword(NEW_PASSWORD));

    assertEquals(UserStatusType.CONFIRMED, status(username));
    assertNotNull(signIn(COGNITO, pool.clientId(), username, NEW_PASSWORD).accessToken());
  }

  // ------------------------------------------------------------------------------------------ AdminSetUserPassword

  @Test
  void aPermanentPasswordConfirmsAnUnconfirmedUserAndSignsIn() {
    String username = "unconfirmed" + SEQUENCE.incrementAndGet();
    signUp(COGNITO, pool, username, username + "@example.com");

    COGNITO.adminSetUserPassword(
        r -> r.userPoolId(pool.poolId()).username(username).password(NEW_PASSWORD).permanent(true));

    assertEquals(UserStatusType.CONFIRMED, status(username));
    assertNotNull(signIn(COGNITO, pool.clientId(), username, NEW_PASSWORD).accessToken());
    assertSignInRefused(username, APP_PASSWORD);
  }

  @Test
  void aTemporaryPasswordMustBeChanged() {
    String username = newUser();

    COGNITO.adminSetUserPassword(r -> r.userPoolId(pool.poolId()).username(username).password(NEW_PASSWORD));

    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, status(username));
  }

  @Test
  void adminSetUserPasswordEnforcesThePolicyAndNeedsAUser() {
    String username = newUser();
    assertCognitoError(
        InvalidPasswordException.class,
        TOO_SHORT,
        () -> COGNITO.adminSetUserPassword(
            r -> r.userPoolId(pool.poolId()).username(username).password("short").permanent(true)));
    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> COGNITO.adminSetUserPassword(
            r -> r.userPoolId(pool.poolId()).username("nobody").password(NEW_PASSWORD).permanent(true)));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool us-east-1_nothere00 does not exist.",
        () -> COGNITO.adminSetUserPassword(
            r -> r.userPoolId("us-east-1_nothere00").username(username).password(NEW_PASSWORD).permanent(true)));
    assertInvalidParameter(
        "1 validation error detected: Value null at 'password' failed to satisfy constraint: "
            + "Member must not be null",
        () -> COGNITO.adminSetUserPassword(r -> r.userPoolId(pool.poolId()).username(username)));
  }

  // ------------------------------------------------------------------------------------------ AdminResetUserPassword

  @Test
  void afterAnAdminResetSignInRequiresAResetAndACodeRestoresIt() {
    String username = newUser();
    String accessToken = signIn(COGNITO, pool.clientId(), username, APP_PASSWORD).accessToken();

    COGNITO.adminResetUserPassword(r -> r.userPoolId(pool.poolId()).username(username));

    assertEquals(UserStatusType.RESET_REQUIRED, status(username));
    assertEquals(1, resetCodes(COGNATE, pool.poolId(), username).size());
    for (String password : List.of(APP_PASSWORD, "wrongpw")) {
      assertCognitoError(
          PasswordResetRequiredException.class,
          RESET_REQUIRED,
          () -> signIn(COGNITO, pool.clientId(), username, password));
    }
    assertCognitoError(
        NotAuthorizedException.class, INCORRECT, () -> signIn(COGNITO, hidingClientId, username, APP_PASSWORD));
    assertCognitoError(
        PasswordResetRequiredException.class,
        RESET_REQUIRED,
        () -> COGNITO.changePassword(
            r -> r.accessToken(accessToken).previousPassword(APP_PASSWORD).proposedPassword(NEW_PASSWORD)));

    forgot(pool.clientId(), username);
    confirmForgot(pool.clientId(), username, lastResetCode(COGNATE, pool.poolId(), username), NEW_PASSWORD);

    assertEquals(UserStatusType.CONFIRMED, status(username));
    assertNotNull(signIn(COGNITO, pool.clientId(), username, NEW_PASSWORD).accessToken());
  }

  @Test
  void theCodeOfAnAdminResetConfirmsTheNewPassword() {
    String username = newUser();
    COGNITO.adminResetUserPassword(r -> r.userPoolId(pool.poolId()).username(username));

    confirmForgot(pool.clientId(), username, lastResetCode(COGNATE, pool.poolId(), username), NEW_PASSWORD);

    assertEquals(UserStatusType.CONFIRMED, status(username));
    assertNotNull(signIn(COGNITO, pool.clientId(), username, NEW_PASSWORD).accessToken());
  }

  @Test
  void adminResetWithoutAVerifiedChannelIsRefusedAndChangesNothing() {
    String username = userWithoutVerifiedChannel();

    assertInvalidParameter(
        NO_CHANNEL, () -> COGNITO.adminResetUserPassword(r -> r.userPoolId(pool.poolId()).username(username)));

    assertEquals(UserStatusType.CONFIRMED, status(username));
    assertNotNull(signIn(COGNITO, pool.clientId(), username, APP_PASSWORD).accessToken());
  }

  @Test
  void adminResetOfAnUnknownUserIsNotFound() {
    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> COGNITO.adminResetUserPassword(r -> r.userPoolId(pool.poolId()).username("nobody")));
  }
}
