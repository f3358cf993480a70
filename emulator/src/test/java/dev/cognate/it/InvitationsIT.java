package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.secretHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SentCode;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.testing.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedUserStateException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * AdminCreateUser, the NEW_PASSWORD_REQUIRED challenge of its users and both RespondToAuthChallenge operations,
 * through the real SDK v2 client: invitations in the outbox, sessions (single use, per client, expiring), policy and
 * attribute checks, the temporary password's expiry.
 */
class InvitationsIT {
  private static final String TEMPORARY = "Temp0rary!";
  private static final String CHOSEN = "Ch0sen-pass";
  private static final String INCORRECT = "Incorrect username or password.";
  private static final String INVALID_SESSION = "Invalid session for the user.";
  private static final String EXPIRED_SESSION = "Invalid session for the user, session is expired.";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  // One emulator per class: the clock only moves forward, and every test has its own users and sessions.
  private static final MutableClock clock = MutableClock.startingNow();

  @RegisterExtension
  static final EmulatorExtension emulator = EmulatorExtension.start(CognateConfig.forTests().clock(clock));

  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();
  private static final ObjectMapper json = new ObjectMapper();
  private static Pool pool;

  private String name;

  @BeforeAll
  static void createPool() {
    pool = Pools.pool(cognito, p -> {}, InvitationsIT::passwordFlows);
  }

  @BeforeEach
  void user() {
    name = "invitee-" + SEQUENCE.incrementAndGet();
  }

  private static void passwordFlows(
      software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest.Builder c) {
    c.explicitAuthFlows(
        ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
        ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
  }

  // ---------------------------------------------------------------------------------------------- AdminCreateUser

  @Test
  void createdUserWaitsForANewPasswordAndIsDescribedAsCognitoDoes() {
    UserType user = invite(pool, name, b -> b.userAttributes(attr("email", name + "@example.com")));

    assertEquals(name, user.username());
    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, user.userStatus());
    assertTrue(user.enabled());
    assertNotNull(user.userCreateDate());
    assertNotNull(user.userLastModifiedDate());
    Map<String, String> attributes = attributes(user.attributes());
    assertEquals(name + "@example.com", attributes.get("email"));
    assertTrue(attributes.get("sub").matches("[0-9a-f-]{36}"), attributes.toString());
    assertEquals(
        UserStatusType.FORCE_CHANGE_PASSWORD,
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(name)).userStatus());
    assertEquals(List.of(), cognate.outbox().codes(pool.poolId(), name), "SUPPRESS sends nothing");
  }

  @Test
  void invitationGoesToTheOutboxByEmailWithAGeneratedPasswordThatSignsIn() {
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId())
            .username(name)
            .userAttributes(attr("email", name + "@example.com"))
            .desiredDeliveryMediums(DeliveryMediumType.EMAIL));

    List<SentCode> sent = cognate.outbox().codes(pool.poolId(), name);
    assertEquals(1, sent.size(), sent.toString());
    SentCode invitation = sent.get(0);
    assertEquals(CodePurpose.INVITATION, invitation.purpose());
    assertEquals("EMAIL", invitation.deliveryMedium());
    assertEquals(name + "@example.com", invitation.destination());
    String generated = invitation.code();
    // the pool has Cognito's default policy: at least 8 characters of all four classes
    assertTrue(generated.length() >= 8, generated);
    assertTrue(generated.chars().anyMatch(Character::isUpperCase), generated);
    assertTrue(generated.chars().anyMatch(Character::isLowerCase), generated);
    assertTrue(generated.chars().anyMatch(Character::isDigit), generated);
    assertTrue(generated.chars().anyMatch(c -> !Character.isLetterOrDigit(c)), generated);

    InitiateAuthResponse challenge = signIn(pool, name, generated);
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());
  }

  @Test
  void generatedPasswordsHonourALongerMinimumAndOnlyTheRequiredClasses() {
    Pool digitsOnly =
        Pools.pool(
            cognito,
            p -> p.policies(
                x -> x.passwordPolicy(
                    pp -> pp.minimumLength(20)
                        .requireUppercase(false)
                        .requireLowercase(false)
                        .requireNumbers(true)
                        .requireSymbols(false))),
            InvitationsIT::passwordFlows);
    cognito.adminCreateUser(
        r -> r.userPoolId(digitsOnly.poolId()).username(name).userAttributes(attr("email", name + "@example.com")));

    String generated = cognate.outbox().lastCode(digitsOnly.poolId(), name).orElseThrow();
    assertTrue(generated.length() >= 20, generated);
    assertTrue(generated.chars().anyMatch(Character::isDigit), generated);
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, signIn(digitsOnly, name, generated).challengeName());
  }

  @Test
  void withoutDesiredMediumsAPhoneNumberGetsAnSmsAndAnEmailOnlyUserAnEmail() {
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId())
            .username(name)
            .userAttributes(attr("email", name + "@example.com"), attr("phone_number", "+15550100")));
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId()).username(name + "-mail").userAttributes(attr("email", name + "@example.com")));

    SentCode sms = cognate.outbox().codes(pool.poolId(), name).get(0);
    assertEquals("SMS", sms.deliveryMedium());
    assertEquals("+15550100", sms.destination());
    SentCode mail = cognate.outbox().codes(pool.poolId(), name + "-mail").get(0);
    assertEquals("EMAIL", mail.deliveryMedium());
    assertEquals(CodePurpose.INVITATION, mail.purpose());
  }

  @Test
  void bothMediumsSendTwoInvitations() {
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId())
            .username(name)
            .userAttributes(attr("email", name + "@example.com"), attr("phone_number", "+15550101"))
            .desiredDeliveryMediums(DeliveryMediumType.EMAIL, DeliveryMediumType.SMS));

    List<SentCode> sent = cognate.outbox().codes(pool.poolId(), name);
    assertEquals(List.of("EMAIL", "SMS"), sent.stream().map(SentCode::deliveryMedium).toList());
    assertEquals(sent.get(0).code(), sent.get(1).code(), "one temporary password, sent twice");
  }

  @Test
  void aDesiredMediumWithoutItsAttributeIsRefusedAndNoUserIsCreated() {
    assertInvalidParameter(
        "User has no attribute matching desired delivery mediums",
        () -> cognito.adminCreateUser(
            r -> r.userPoolId(pool.poolId())
                .username(name)
                .userAttributes(attr("email", name + "@example.com"))
                .desiredDeliveryMediums(DeliveryMediumType.SMS)));

    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(name)));
  }

  @Test
  void aTemporaryPasswordMustMeetThePolicy() {
    assertCognitoError(
        InvalidPasswordException.class,
        "Password did not conform with policy: Password not long enough",
        () -> invite(pool, name, b -> b.temporaryPassword("Sh0rt!")));
    assertCognitoError(
        InvalidPasswordException.class,
        "Password did not conform with policy: Password must have symbol characters",
        () -> invite(pool, name, b -> b.temporaryPassword("NoSymbols123")));
  }

  @Test
  void aSecondUserOfTheSameNameIsRefused() {
    invite(pool, name, b -> {});

    assertCognitoError(
        UsernameExistsException.class, "User account already exists", () -> invite(pool, name, b -> {}));
  }

  @Test
  void unknownAttributesAreRefusedButRequiredOnesMayBeLeftToTheUser() {
    Pool requiring = requiredGivenNamePool();

    assertInvalidParameter(
        "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.",
        () -> invite(requiring, name, b -> b.userAttributes(attr("custom:nope", "x"))));
    UserType created = invite(requiring, name, b -> {});
    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, created.userStatus());
  }

  @Test
  void anAdminOnlyPoolStillAcceptsAdminCreateUser() {
    Pool adminOnly =
        Pools.pool(
            cognito,
            p -> p.adminCreateUserConfig(c -> c.allowAdminCreateUserOnly(true)),
            InvitationsIT::passwordFlows);

    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, invite(adminOnly, name, b -> {}).userStatus());
  }

  @Test
  void inAnEmailUsernamePoolTheEmailIsTheSignInNameAndTheUsernameIsGenerated() {
    Pool byEmail =
        Pools.pool(cognito, p -> p.usernameAttributes(UsernameAttributeType.EMAIL), InvitationsIT::passwordFlows);
    String email = name + "@example.com";

    UserType user = invite(byEmail, email, b -> {});

    Map<String, String> attributes = attributes(user.attributes());
    assertEquals(attributes.get("sub"), user.username());
    assertEquals(email, attributes.get("email"));
    InitiateAuthResponse challenge = signIn(byEmail, email, TEMPORARY);
    assertEquals(user.username(), challenge.challengeParameters().get("USER_ID_FOR_SRP"));
    assertCognitoError(
        UsernameExistsException.class,
        "An account with the given email already exists.",
        () -> invite(byEmail, email, b -> {}));
    assertInvalidParameter("Username should be an email.", () -> invite(byEmail, name, b -> {}));
  }

  @Test
  void inAnEmailUsernamePoolANewPasswordAnswerMovesTheSignInNameButCannotTakeAnother() {
    Pool byEmail =
        Pools.pool(cognito, p -> p.usernameAttributes(UsernameAttributeType.EMAIL), InvitationsIT::passwordFlows);
    String email = name + "@example.com";
    String othersEmail = name + "-other@example.com";
    String newEmail = name + "-new@example.com";
    invite(byEmail, email, b -> {});
    invite(byEmail, othersEmail, b -> {});
    String session = signIn(byEmail, email, TEMPORARY).session();

    // The e-mail is the user's sign-in name: taking another's would give one address two accounts, and the ID token
    // of one user the other's e-mail.
    assertCognitoError(
        "AliasExistsException",
        "An account with the given email already exists.",
        () -> respond(
            byEmail, session, Map.of("USERNAME", email, "NEW_PASSWORD", CHOSEN, "userAttributes.email", othersEmail)));
    assertEquals(
        email,
        attributes(cognito.adminGetUser(r -> r.userPoolId(byEmail.poolId()).username(email)).userAttributes())
            .get("email"));

    // A free address becomes the user's sign-in name in the same write; the old one no longer finds them.
    assertNotNull(
        respond(byEmail, session, Map.of("USERNAME", email, "NEW_PASSWORD", CHOSEN, "userAttributes.email", newEmail))
            .authenticationResult());
    assertEquals(
        newEmail,
        attributes(cognito.adminGetUser(r -> r.userPoolId(byEmail.poolId()).username(newEmail)).userAttributes())
            .get("email"));
    assertCognitoError(
        "UserNotFoundException",
        "User does not exist.",
        () -> cognito.adminGetUser(r -> r.userPoolId(byEmail.poolId()).username(email)));
  }

  @Test
  void aTemporaryPasswordValidityOfZeroDaysMeansTheDefaultSeven() {
    Pool zero =
        Pools.pool(
            cognito,
            p -> p.policies(pp -> pp.passwordPolicy(pw -> pw.minimumLength(8).temporaryPasswordValidityDays(0))),
            InvitationsIT::passwordFlows);
    invite(zero, name, b -> {});

    // The model: "If you submit a value of 0, Amazon Cognito treats it as a null value" and uses the default.
    assertEquals(
        7,
        cognito.describeUserPool(r -> r.userPoolId(zero.poolId()))
            .userPool().policies().passwordPolicy().temporaryPasswordValidityDays());
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, signIn(zero, name, TEMPORARY).challengeName());
  }

  // ---------------------------------------------------------------------------------------------- RESEND

  @Test
  void resendGivesANewTemporaryPasswordAndRetiresTheOldOne() {
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId()).username(name).userAttributes(attr("email", name + "@example.com")));
    String first = cognate.outbox().lastCode(pool.poolId(), name).orElseThrow();

    UserType resent =
        cognito
            .adminCreateUser(r -> r.userPoolId(pool.poolId()).username(name).messageAction(MessageActionType.RESEND))
            .user();

    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, resent.userStatus());
    List<SentCode> sent = cognate.outbox().codes(pool.poolId(), name);
    assertEquals(2, sent.size(), sent.toString());
    String second = sent.get(1).code();
    assertNotEquals(first, second);
    assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> signIn(pool, name, first));
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, signIn(pool, name, second).challengeName());
  }

  @Test
  void aNewTemporaryPasswordRetiresTheSessionsTheOldOneOpened() {
    invite(pool, name, b -> {});
    String beforeResend = signIn(pool, name, TEMPORARY).session();
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId())
            .username(name)
            .temporaryPassword("Sec0nd-temp!")
            .messageAction(MessageActionType.RESEND));
    String beforeSet = signIn(pool, name, "Sec0nd-temp!").session();
    cognito.adminSetUserPassword(r -> r.userPoolId(pool.poolId()).username(name).password("Th1rd-temp!"));
    Map<String, String> answer = Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN);

    // Whoever signed in with a temporary password an administrator has since replaced must not choose the password.
    assertCognitoError(NotAuthorizedException.class, INVALID_SESSION, () -> respond(pool, beforeResend, answer));
    assertCognitoError(NotAuthorizedException.class, INVALID_SESSION, () -> respond(pool, beforeSet, answer));
    assertNotNull(respond(pool, signIn(pool, name, "Th1rd-temp!").session(), answer).authenticationResult());
  }

  @Test
  void resendRestartsTheValidityOfAnExpiredTemporaryPassword() {
    invite(pool, name, b -> {});
    clock.advance(Duration.ofDays(8));
    assertCognitoError(
        NotAuthorizedException.class,
        "User account has expired, it must be reset by an administrator.",
        () -> signIn(pool, name, TEMPORARY));

    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId())
            .username(name)
            .temporaryPassword(TEMPORARY)
            .messageAction(MessageActionType.RESEND)
            .userAttributes(attr("email", "ignored@example.com")));

    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, signIn(pool, name, TEMPORARY).challengeName());
  }

  @Test
  void resendForAnUnknownOrConfirmedUserFails() {
    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminCreateUser(
            r -> r.userPoolId(pool.poolId()).username(name).messageAction(MessageActionType.RESEND)));

    invite(pool, name, b -> {});
    completeNewPassword(pool, name);
    assertCognitoError(
        UnsupportedUserStateException.class,
        "Resend not possible. User status is CONFIRMED",
        () -> cognito.adminCreateUser(
            r -> r.userPoolId(pool.poolId()).username(name).messageAction(MessageActionType.RESEND)));
  }

  // ---------------------------------------------------------------------------------------------- sign-in

  @Test
  void signInAnswersNewPasswordRequiredWithCognitosParameters() throws Exception {
    invite(pool, name, b -> b.userAttributes(attr("email", name + "@example.com"), attr("name", "Ivy")));

    InitiateAuthResponse challenge = signIn(pool, name, TEMPORARY);

    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());
    assertNull(challenge.authenticationResult());
    assertTrue(challenge.session().length() >= 20, challenge.session());
    assertTrue(challenge.session().matches("[A-Za-z0-9_-]+"), challenge.session());
    Map<String, String> parameters = challenge.challengeParameters();
    assertEquals(name, parameters.get("USER_ID_FOR_SRP"));
    assertEquals("[]", parameters.get("requiredAttributes"));
    JsonNode userAttributes = json.readTree(parameters.get("userAttributes"));
    assertEquals(name + "@example.com", userAttributes.path("email").asText());
    assertEquals("Ivy", userAttributes.path("name").asText());
    assertTrue(userAttributes.path("sub").isMissingNode(), "sub is not among userAttributes: " + userAttributes);
  }

  @Test
  void everyPasswordFlowChecksTheTemporaryPasswordFirst() {
    invite(pool, name, b -> {});

    assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> signIn(pool, name, "Wr0ng-pass"));
    assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> adminSignIn(pool, name, "Wr0ng-pass"));
    for (AuthFlowType flow : List.of(AuthFlowType.ADMIN_USER_PASSWORD_AUTH, AuthFlowType.ADMIN_NO_SRP_AUTH)) {
      AdminInitiateAuthResponse challenge =
          cognito.adminInitiateAuth(
              r -> r.userPoolId(pool.poolId())
                  .clientId(pool.clientId())
                  .authFlow(flow)
                  .authParameters(Map.of("USERNAME", name, "PASSWORD", TEMPORARY)));
      assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName(), flow.toString());
      assertNull(challenge.authenticationResult());
    }
  }

  @Test
  void theTemporaryPasswordExpiresAfterThePoolsValidityDays() {
    Pool oneDay =
        Pools.pool(
            cognito,
            p -> p.policies(x -> x.passwordPolicy(pp -> pp.minimumLength(8).temporaryPasswordValidityDays(1))),
            InvitationsIT::passwordFlows);
    invite(oneDay, name, b -> {});

    clock.advance(Duration.ofHours(23));
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, signIn(oneDay, name, TEMPORARY).challengeName());
    clock.advance(Duration.ofHours(1));

    assertCognitoError(
        NotAuthorizedException.class,
        "User account has expired, it must be reset by an administrator.",
        () -> signIn(oneDay, name, TEMPORARY));
    assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> signIn(oneDay, name, "Wr0ng-pass"));
  }

  // ---------------------------------------------------------------------------------------------- answering

  @Test
  void aNewPasswordConfirmsTheUserAndSignsThemIn() {
    invite(pool, name, b -> {});
    String session = signIn(pool, name, TEMPORARY).session();

    RespondToAuthChallengeResponse done = respond(pool, session, Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN));

    assertNull(done.challengeName());
    assertNull(done.session());
    assertEquals(Map.of(), done.challengeParameters());
    AuthenticationResultType tokens = done.authenticationResult();
    assertNotNull(tokens.accessToken());
    assertNotNull(tokens.idToken());
    assertNotNull(tokens.refreshToken());
    assertEquals("Bearer", tokens.tokenType());
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(name)).userStatus());
    assertEquals(name, cognito.getUser(r -> r.accessToken(tokens.accessToken())).username());
    assertNotNull(
        cognito
            .initiateAuth(
                r -> r.clientId(pool.clientId())
                    .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken())))
            .authenticationResult()
            .accessToken());
    assertNotNull(signIn(pool, name, CHOSEN).authenticationResult());
    assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> signIn(pool, name, TEMPORARY));
  }

  @Test
  void adminRespondToAuthChallengeCompletesAnAdminSignIn() {
    invite(pool, name, b -> {});
    String session = adminSignIn(pool, name, TEMPORARY).session();

    AdminRespondToAuthChallengeResponse done =
        cognito.adminRespondToAuthChallenge(
            r -> r.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(session)
                .challengeResponses(Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN)));

    assertNotNull(done.authenticationResult().accessToken());
    assertNotNull(done.authenticationResult().refreshToken());
    assertEquals(Map.of(), done.challengeParameters());
  }

  @Test
  void aPasswordThePolicyRefusesLeavesTheSessionUsable() {
    invite(pool, name, b -> {});
    String session = signIn(pool, name, TEMPORARY).session();

    assertCognitoError(
        InvalidPasswordException.class,
        "Password did not conform with policy: Password must have numeric characters",
        () -> respond(pool, session, Map.of("USERNAME", name, "NEW_PASSWORD", "NoDigits-here")));

    assertNotNull(
        respond(pool, session, Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN)).authenticationResult());
  }

  @Test
  void missingRequiredAttributesAreAskedForAndMustBeGiven() throws Exception {
    Pool requiring = requiredGivenNamePool();
    invite(requiring, name, b -> {});
    InitiateAuthResponse challenge = signIn(requiring, name, TEMPORARY);
    assertEquals("[\"userAttributes.given_name\"]", challenge.challengeParameters().get("requiredAttributes"));

    assertInvalidParameter(
        "Invalid attributes given, given_name is missing",
        () -> respond(requiring, challenge.session(), Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN)));
    assertInvalidParameter(
        "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.",
        () -> respond(
            requiring,
            challenge.session(),
            Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN, "userAttributes.custom:nope", "x")));

    respond(
        requiring,
        challenge.session(),
        Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN, "userAttributes.given_name", "Ivy"));
    UserType user =
        cognito.listUsers(r -> r.userPoolId(requiring.poolId()).filter("username = \"" + name + "\"")).users().get(0);
    assertEquals("Ivy", attributes(user.attributes()).get("given_name"));
    assertEquals(UserStatusType.CONFIRMED, user.userStatus());
  }

  @Test
  void aClientMaySetOnlyItsWriteAttributes() {
    Pool limited =
        new Pool(
            pool.poolId(),
            Pools.client(cognito, pool.poolId(), c -> passwordFlows(c.writeAttributes("given_name"))).clientId(),
            null);
    invite(pool, name, b -> {});
    String session = signIn(limited, name, TEMPORARY).session();

    assertCognitoError(
        NotAuthorizedException.class,
        "A client attempted to write unauthorized attribute",
        () -> respond(
            limited, session, Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN, "userAttributes.family_name", "Ames")));
    respond(
        limited, session, Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN, "userAttributes.given_name", "Ivy"));
    assertEquals(
        "Ivy",
        attributes(cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(name)).userAttributes())
            .get("given_name"));
  }

  @Test
  void missingParametersAreNamed() {
    invite(pool, name, b -> {});
    String session = signIn(pool, name, TEMPORARY).session();

    assertInvalidParameter(
        "Missing required parameter USERNAME", () -> respond(pool, session, Map.of("NEW_PASSWORD", CHOSEN)));
    assertInvalidParameter(
        "Missing required parameter NEW_PASSWORD", () -> respond(pool, session, Map.of("USERNAME", name)));
    assertInvalidParameter(
        "Missing required parameter Session",
        () -> cognito.respondToAuthChallenge(
            r -> r.clientId(pool.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .challengeResponses(Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN))));
  }

  @Test
  void unknownReusedAndOtherClientsSessionsAreInvalid() {
    invite(pool, name, b -> {});
    String session = signIn(pool, name, TEMPORARY).session();
    Map<String, String> answer = Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN);
    String otherClient =
        Pools.client(cognito, pool.poolId(), InvitationsIT::passwordFlows).clientId();

    assertCognitoError(
        NotAuthorizedException.class, INVALID_SESSION, () -> respond(pool, "x".repeat(40), answer));
    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> respond(new Pool(pool.poolId(), otherClient, null), session, answer));
    invite(pool, name + "-other", b -> {});
    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> respond(pool, session, Map.of("USERNAME", name + "-other", "NEW_PASSWORD", CHOSEN)));

    respond(pool, session, answer);
    assertCognitoError(NotAuthorizedException.class, INVALID_SESSION, () -> respond(pool, session, answer));
  }

  @Test
  void aSessionExpiresAfterTheClientsAuthSessionValidity() {
    invite(pool, name, b -> {});
    String defaultThree = signIn(pool, name, TEMPORARY).session();
    Pool fiveMinutes =
        new Pool(
            pool.poolId(),
            Pools.client(cognito, pool.poolId(), c -> passwordFlows(c.authSessionValidity(5))).clientId(),
            null);
    String five = signIn(fiveMinutes, name, TEMPORARY).session();
    Map<String, String> answer = Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN);

    clock.advance(Duration.ofMinutes(3));

    assertCognitoError(NotAuthorizedException.class, EXPIRED_SESSION, () -> respond(pool, defaultThree, answer));
    assertNotNull(respond(fiveMinutes, five, answer).authenticationResult());
  }

  @Test
  void anExpiredSessionStaysExpiredWhenLaterSignInsTidyUp() {
    invite(pool, name, b -> {});
    String stale = signIn(pool, name, TEMPORARY).session();
    clock.advance(Duration.ofMinutes(4));
    // Another sign-in issues a session, which is when expired ones are tidied away.
    invite(pool, name + "-later", b -> {});
    signIn(pool, name + "-later", TEMPORARY);

    assertCognitoError(
        NotAuthorizedException.class,
        EXPIRED_SESSION,
        () -> respond(pool, stale, Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN)));
  }

  @Test
  void aDeletedUsersSessionIsInvalid() {
    invite(pool, name, b -> {});
    String session = signIn(pool, name, TEMPORARY).session();
    invite(pool, name + "-again", b -> {});
    cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId()).username(name));

    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> respond(pool, session, Map.of("USERNAME", name + "-again", "NEW_PASSWORD", CHOSEN)));
  }

  @Test
  void waitingSessionsGoWithTheirClientAndPool() {
    Pool own = Pools.pool(cognito, p -> {}, InvitationsIT::passwordFlows);
    invite(own, name, b -> {});
    String session = signIn(own, name, TEMPORARY).session();
    String secondClient = Pools.client(cognito, own.poolId(), InvitationsIT::passwordFlows).clientId();
    signIn(new Pool(own.poolId(), secondClient, null), name, TEMPORARY);

    cognito.deleteUserPoolClient(r -> r.userPoolId(own.poolId()).clientId(secondClient));
    assertNotNull(respond(own, session, Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN)).authenticationResult());
    invite(own, name + "-next", b -> {});
    signIn(own, name + "-next", TEMPORARY);
    cognito.deleteUserPool(r -> r.userPoolId(own.poolId()));

    assertCognitoError(
        "ResourceNotFoundException",
        "User pool " + own.poolId() + " does not exist.",
        () -> cognito.describeUserPool(r -> r.userPoolId(own.poolId())));
  }

  @Test
  void aClientWithASecretNeedsTheSecretHashInTheAnswer() {
    Pool secret =
        Pools.pool(cognito, p -> {}, c -> passwordFlows(c.generateSecret(true)));
    invite(secret, name, b -> {});
    String hash = secretHash(secret.clientSecret(), name, secret.clientId());
    String session =
        cognito
            .initiateAuth(
                r -> r.clientId(secret.clientId())
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", name, "PASSWORD", TEMPORARY, "SECRET_HASH", hash)))
            .session();

    assertCognitoError(
        NotAuthorizedException.class,
        "Client " + secret.clientId() + " is configured with secret but SECRET_HASH was not received",
        () -> respond(secret, session, Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN)));
    assertNotNull(
        respond(secret, session, Map.of("USERNAME", name, "NEW_PASSWORD", CHOSEN, "SECRET_HASH", hash))
            .authenticationResult());
  }

  @Test
  void aChallengeCognateDoesNotEmulateSaysSo() {
    invite(pool, name, b -> {});
    String session = signIn(pool, name, TEMPORARY).session();

    assertCognitoError(
        "UnsupportedOperationException",
        "Cognate does not emulate the DEVICE_SRP_AUTH challenge yet.",
        () -> cognito.respondToAuthChallenge(
            r -> r.clientId(pool.clientId())
                .challengeName(ChallengeNameType.DEVICE_SRP_AUTH)
                .session(session)
                .challengeResponses(Map.of("USERNAME", name, "DEVICE_KEY", "us-east-1_device"))));
  }

  @Test
  void concurrentAnswersToOneSessionSucceedOnce() throws Exception {
    int rounds = 5;
    int answers = 4;
    for (int round = 0; round < rounds; round++) {
      String user = name + "-" + round;
      invite(pool, user, b -> {});
      String session = signIn(pool, user, TEMPORARY).session();

      List<Race.Outcome> outcomes =
          Race.run(
              answers,
              answers,
              i -> respond(pool, session, Map.of("USERNAME", user, "NEW_PASSWORD", CHOSEN + i))
                  .authenticationResult()
                  .accessToken());

      assertEquals(1, outcomes.stream().filter(Race.Outcome::ok).count(), outcomes.toString());
      for (Race.Outcome outcome : outcomes) {
        assertTrue(
            outcome.ok() || (outcome.is("NotAuthorizedException") && INVALID_SESSION.equals(outcome.message())),
            outcome.toString());
      }
    }
    System.out.println(
        "concurrentAnswers: " + rounds + " rounds of " + answers + " simultaneous correct answers to one session;"
            + " each round exactly one signed in, the others got " + INVALID_SESSION);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  /** Creates a user with {@link #TEMPORARY} and no invitation, shaped further by {@code settings}. */
  private static UserType invite(Pool target, String username, Consumer<AdminCreateUserRequest.Builder> settings) {
    return cognito
        .adminCreateUser(
            b -> {
              b.userPoolId(target.poolId())
                  .username(username)
                  .temporaryPassword(TEMPORARY)
                  .messageAction(MessageActionType.SUPPRESS);
              settings.accept(b);
            })
        .user();
  }

  private static InitiateAuthResponse signIn(Pool target, String username, String password) {
    return cognito.initiateAuth(
        r -> r.clientId(target.clientId())
            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
  }

  private static AdminInitiateAuthResponse adminSignIn(Pool target, String username, String password) {
    return cognito.adminInitiateAuth(
        r -> r.userPoolId(target.poolId())
            .clientId(target.clientId())
            .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
  }

  private static RespondToAuthChallengeResponse respond(Pool target, String session, Map<String, String> answers) {
    return cognito.respondToAuthChallenge(
        r -> r.clientId(target.clientId())
            .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
            .session(session)
            .challengeResponses(new HashMap<>(answers)));
  }

  private static void completeNewPassword(Pool target, String username) {
    String session = signIn(target, username, TEMPORARY).session();
    respond(target, session, Map.of("USERNAME", username, "NEW_PASSWORD", CHOSEN));
  }

  private static Pool requiredGivenNamePool() {
    return Pools.pool(
        cognito,
        p -> p.schema(
            SchemaAttributeType.builder()
                .name("given_name")
                .attributeDataType(AttributeDataType.STRING)
                .required(true)
                .mutable(true)
                .build()),
        InvitationsIT::passwordFlows);
  }
}
