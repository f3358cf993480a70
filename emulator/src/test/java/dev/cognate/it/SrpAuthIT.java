package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.support.TestEmulator;
import dev.cognate.support.Users;
import dev.cognate.testing.MutableClock;
import dev.cognate.testing.SrpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * USER_SRP_AUTH as the client libraries run it: InitiateAuth with SRP_A, the PASSWORD_VERIFIER challenge, and an
 * answer signed with the key the password derives. The client is {@link SrpClient}, written apart from the emulator's
 * side.
 */
class SrpAuthIT {
  private static final String PASSWORD = "Passw0rd!";
  private static final String WRONG = "Wr0ng-password";
  private static final String INCORRECT = "Incorrect username or password.";
  private static final String INVALID_SESSION = "Invalid session for the user.";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final MutableClock clock = MutableClock.startingNow();

  @RegisterExtension
  static final EmulatorExtension emulator = EmulatorExtension.start(CognateConfig.forTests().clock(clock));

  private static final CognitoIdentityProviderClient cognito = emulator.cognito();
  private static Pool pool;
  private static String hidingClient;

  @BeforeAll
  static void createPool() {
    // The client's default flows: ALLOW_USER_SRP_AUTH among them.
    pool = Pools.pool(cognito, p -> {}, c -> {});
    hidingClient =
        Pools.client(
                cognito,
                pool.poolId(),
                c -> c.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED))
            .clientId();
  }

  @Test
  void theRightPasswordSignsInWithTokens() {
    String username = confirmedUser();
    SrpClient srp = new SrpClient(pool.poolId());
    InitiateAuthResponse challenge = initiate(pool.clientId(), username, srp.srpA());

    assertEquals(ChallengeNameType.PASSWORD_VERIFIER, challenge.challengeName());
    Map<String, String> parameters = challenge.challengeParameters();
    assertEquals(Set.of("SALT", "SRP_B", "SECRET_BLOCK", "USER_ID_FOR_SRP", "USERNAME"), parameters.keySet());
    assertEquals(username, parameters.get("USER_ID_FOR_SRP"));
    assertEquals(username, parameters.get("USERNAME"));
    assertTrue(parameters.get("SRP_B").matches("[0-9a-f]+"), parameters.get("SRP_B"));
    assertTrue(parameters.get("SALT").matches("[0-9a-f]+"), parameters.get("SALT"));
    assertNull(challenge.authenticationResult());

    RespondToAuthChallengeResponse signedIn = respond(pool.clientId(), challenge, srp.answer(parameters, PASSWORD));
    assertNotNull(signedIn.authenticationResult().refreshToken());
    assertEquals(
        username, cognito.getUser(r -> r.accessToken(signedIn.authenticationResult().accessToken())).username());
  }

  /**
   * As on Cognito, the PASSWORD_VERIFIER challenge comes without a Session, and pycognito answers it without one: the
   * SECRET_BLOCK carries the exchange.
   */
  @Test
  void theChallengeHasNoSessionAndTheSecretBlockCarriesTheExchange() {
    String username = confirmedUser();
    SrpClient srp = new SrpClient(pool.poolId());
    InitiateAuthResponse challenge = initiate(pool.clientId(), username, srp.srpA());
    assertNull(challenge.session());
    Map<String, String> answer = new HashMap<>(srp.answer(challenge.challengeParameters(), PASSWORD));
    answer.put("USERNAME", username);
    RespondToAuthChallengeResponse signedIn =
        cognito.respondToAuthChallenge(
            r -> r.clientId(pool.clientId())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(answer));
    assertNotNull(signedIn.authenticationResult().accessToken());
  }

  @Test
  void twentySrpSignInsInARow() {
    String username = confirmedUser();
    int count = 20;
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      assertNotNull(signInBySrp(pool.clientId(), username, PASSWORD));
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println(
        count + " SRP sign-ins (InitiateAuth + RespondToAuthChallenge, client maths included) took " + millis
            + " ms; each signed in");
  }

  @Test
  void adminInitiateAuthRunsTheSameExchange() {
    String username = confirmedUser();
    SrpClient srp = new SrpClient(pool.poolId());
    AdminInitiateAuthResponse challenge =
        cognito.adminInitiateAuth(
            r -> r.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA())));
    assertEquals(ChallengeNameType.PASSWORD_VERIFIER, challenge.challengeName());
    var signedIn =
        cognito.adminRespondToAuthChallenge(
            r -> r.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .session(challenge.session())
                .challengeResponses(srp.answer(challenge.challengeParameters(), PASSWORD)));
    assertNotNull(signedIn.authenticationResult().accessToken());
  }

  @Test
  void aWrongPasswordIsIncorrectAndUsesTheSessionUp() {
    String username = confirmedUser();
    SrpClient srp = new SrpClient(pool.poolId());
    InitiateAuthResponse challenge = initiate(pool.clientId(), username, srp.srpA());
    Map<String, String> wrong = srp.answer(challenge.challengeParameters(), WRONG);

    assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> respond(pool.clientId(), challenge, wrong));
    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> respond(pool.clientId(), challenge, srp.answer(challenge.challengeParameters(), PASSWORD)));
  }

  @Test
  void aSessionSignsInOnce() {
    String username = confirmedUser();
    SrpClient srp = new SrpClient(pool.poolId());
    InitiateAuthResponse challenge = initiate(pool.clientId(), username, srp.srpA());
    Map<String, String> answer = srp.answer(challenge.challengeParameters(), PASSWORD);

    assertNotNull(respond(pool.clientId(), challenge, answer).authenticationResult());
    assertCognitoError(NotAuthorizedException.class, INVALID_SESSION, () -> respond(pool.clientId(), challenge, answer));
  }

  /** Eight right answers at once to one exchange sign in once; another client of the pool cannot use the block. */
  @Test
  void anExchangeSignsInOnceUnderConcurrentAnswersAndOnlyAtItsClient() throws Exception {
    String username = confirmedUser();
    SrpClient srp = new SrpClient(pool.poolId());
    InitiateAuthResponse challenge = initiate(pool.clientId(), username, srp.srpA());
    Map<String, String> answer = srp.answer(challenge.challengeParameters(), PASSWORD);
    String otherClient = Pools.client(cognito, pool.poolId(), c -> {}).clientId();
    assertCognitoError(
        NotAuthorizedException.class, INVALID_SESSION, () -> respond(otherClient, challenge, answer));
    List<Race.Outcome> outcomes =
        Race.run(8, 8, i -> respond(pool.clientId(), challenge, answer).authenticationResult().accessToken());
    System.out.println(
        "8 right SRP answers at once to one exchange: " + outcomes.stream().filter(Race.Outcome::ok).count()
            + " signed in, the others: " + outcomes.stream().filter(o -> !o.ok()).map(Race.Outcome::message).distinct().toList());
    assertEquals(1, outcomes.stream().filter(Race.Outcome::ok).count(), outcomes.toString());
    assertTrue(outcomes.stream().noneMatch(Race.Outcome::serverError), outcomes.toString());
  }

  /** The secret block names the exchange an answer is judged against, as the session would. */
  @Test
  void anAnswerIsJudgedAgainstTheExchangeItsSecretBlockNames() {
    String username = confirmedUser();
    SrpClient srp = new SrpClient(pool.poolId());
    InitiateAuthResponse first = initiate(pool.clientId(), username, srp.srpA());
    InitiateAuthResponse second = initiate(pool.clientId(), username, srp.srpA());
    assertNotEquals(
        first.challengeParameters().get("SECRET_BLOCK"), second.challengeParameters().get("SECRET_BLOCK"));
    // Signed rightly for the first exchange's B and salt, but with the second exchange's block.
    Map<String, String> mixed = new HashMap<>(first.challengeParameters());
    mixed.put("SECRET_BLOCK", second.challengeParameters().get("SECRET_BLOCK"));

    assertCognitoError(
        NotAuthorizedException.class,
        INCORRECT,
        () -> respond(pool.clientId(), first, srp.answer(mixed, PASSWORD)));
    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> respond(pool.clientId(), second, srp.answer(second.challengeParameters(), PASSWORD)));
    assertNotNull(
        respond(pool.clientId(), first, srp.answer(first.challengeParameters(), PASSWORD)).authenticationResult(),
        "the first exchange was not touched");
  }

  @Test
  void anSrpAThatIsZeroModuloNIsRefused() {
    String username = confirmedUser();
    for (String srpA : new String[] {"0", SrpClient.N.toString(16), SrpClient.N.shiftLeft(1).toString(16)}) {
      assertCognitoError(
          InvalidParameterException.class,
          "SRP_A cannot be 0 mod N.",
          () -> initiate(pool.clientId(), username, srpA));
    }
    assertCognitoError(
        InvalidParameterException.class,
        "Missing required parameter SRP_A",
        () -> cognito.initiateAuth(
            r -> r.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username))));
  }

  /** A client's A is below N, 768 hex digits; parsing a 1 MiB number would cost the emulator seconds of CPU. */
  @Test
  void anSrpALongerThanAnyClientSendsIsRefusedUnread() {
    String username = confirmedUser();
    String overlong = "1".repeat(1025);
    assertCognitoError(
        InvalidParameterException.class,
        "SRP_A is longer than 1024 hexadecimal digits.",
        () -> initiate(pool.clientId(), username, overlong));
    String padded = "0".repeat(1024 - 768) + SrpClient.N.subtract(java.math.BigInteger.TWO).toString(16);
    assertEquals(
        ChallengeNameType.PASSWORD_VERIFIER,
        initiate(pool.clientId(), username, padded).challengeName(),
        "a left-padded A of 1024 digits is read");
  }

  @Test
  void anInvitedUserIsAskedForANewPasswordAfterSrp() {
    String username = "invited-" + SEQUENCE.incrementAndGet();
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId()).username(username).temporaryPassword("Tempor4ry!").messageAction("SUPPRESS"));
    SrpClient srp = new SrpClient(pool.poolId());
    InitiateAuthResponse challenge = initiate(pool.clientId(), username, srp.srpA());
    RespondToAuthChallengeResponse next =
        respond(pool.clientId(), challenge, srp.answer(challenge.challengeParameters(), "Tempor4ry!"));

    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, next.challengeName());
    var signedIn =
        cognito.respondToAuthChallenge(
            r -> r.clientId(pool.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(next.session())
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", PASSWORD)));
    assertNotNull(signedIn.authenticationResult().accessToken());
    assertNotNull(signInBySrp(pool.clientId(), username, PASSWORD), "the chosen password came with its verifier");
  }

  @Test
  void wrongSrpAnswersLockOutLikeWrongPasswords() {
    String username = confirmedUser();
    for (int i = 0; i < 5; i++) {
      assertCognitoError(
          NotAuthorizedException.class, INCORRECT, () -> signInBySrp(pool.clientId(), username, WRONG));
    }
    assertCognitoError(
        NotAuthorizedException.class,
        "Password attempts exceeded",
        () -> signInBySrp(pool.clientId(), username, PASSWORD));
    clock.advance(Duration.ofSeconds(1));
    assertNotNull(signInBySrp(pool.clientId(), username, PASSWORD));
  }

  @Test
  void unknownUsersAreNamedUnderLegacyAndGetADecoyUnderEnabled() {
    SrpClient srp = new SrpClient(pool.poolId());
    assertCognitoError(
        UserNotFoundException.class, "User does not exist.", () -> initiate(pool.clientId(), "nobody", srp.srpA()));

    InitiateAuthResponse decoy = initiate(hidingClient, "nobody", srp.srpA());
    assertEquals(ChallengeNameType.PASSWORD_VERIFIER, decoy.challengeName());
    assertEquals(Set.of("SALT", "SRP_B", "SECRET_BLOCK", "USER_ID_FOR_SRP", "USERNAME"),
        decoy.challengeParameters().keySet());
    assertEquals(
        initiate(hidingClient, confirmedUser(), srp.srpA()).challengeParameters().get("SECRET_BLOCK").length(),
        decoy.challengeParameters().get("SECRET_BLOCK").length());
    assertCognitoError(
        NotAuthorizedException.class,
        INCORRECT,
        () -> respond(hidingClient, decoy, srp.answer(decoy.challengeParameters(), PASSWORD)));
    // A wrong password uses a real session up; the decoy's must be used up too, or a second answer tells them apart.
    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> respond(hidingClient, decoy, srp.answer(decoy.challengeParameters(), PASSWORD)));
  }

  @Test
  void unconfirmedAndDisabledUsersAreRefusedAsInPasswordSignIn() {
    String unconfirmed = "unconfirmed-" + SEQUENCE.incrementAndGet();
    Users.signUp(cognito, pool.clientId(), unconfirmed, PASSWORD);
    SrpClient srp = new SrpClient(pool.poolId());
    assertCognitoError(
        UserNotConfirmedException.class,
        "User is not confirmed.",
        () -> initiate(pool.clientId(), unconfirmed, srp.srpA()));

    String disabled = confirmedUser();
    InitiateAuthResponse challenge = initiate(pool.clientId(), disabled, srp.srpA());
    cognito.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(disabled));
    assertCognitoError(
        NotAuthorizedException.class,
        "User is disabled.",
        () -> respond(pool.clientId(), challenge, srp.answer(challenge.challengeParameters(), PASSWORD)));
    assertCognitoError(
        NotAuthorizedException.class, "User is disabled.", () -> initiate(pool.clientId(), disabled, srp.srpA()));
  }

  @Test
  void aPasswordSetByAnAdministratorSignsInBySrpAndRetiresOpenExchanges() {
    String username = confirmedUser();
    SrpClient srp = new SrpClient(pool.poolId());
    InitiateAuthResponse open = initiate(pool.clientId(), username, srp.srpA());
    cognito.adminSetUserPassword(
        r -> r.userPoolId(pool.poolId()).username(username).password("N3w-password").permanent(true));

    assertCognitoError(
        NotAuthorizedException.class,
        INVALID_SESSION,
        () -> respond(pool.clientId(), open, srp.answer(open.challengeParameters(), "N3w-password")));
    assertCognitoError(
        NotAuthorizedException.class, INCORRECT, () -> signInBySrp(pool.clientId(), username, PASSWORD));
    assertNotNull(signInBySrp(pool.clientId(), username, "N3w-password"));
  }

  @Test
  void passwordsChangedByTheUserOrByAResetCodeSignInBySrp() {
    String username = "changer-" + SEQUENCE.incrementAndGet();
    Users.signUp(cognito, pool.clientId(), username, PASSWORD, Users.attr("email", username + "@example.com"));
    cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username(username));
    cognito.adminUpdateUserAttributes(
        r -> r.userPoolId(pool.poolId()).username(username).userAttributes(Users.attr("email_verified", "true")));

    String token = signInBySrp(pool.clientId(), username, PASSWORD);
    cognito.changePassword(r -> r.accessToken(token).previousPassword(PASSWORD).proposedPassword("Ch4nged-once"));
    assertNotNull(signInBySrp(pool.clientId(), username, "Ch4nged-once"));

    cognito.forgotPassword(r -> r.clientId(pool.clientId()).username(username));
    String code = emulator.cognate().outbox().lastCode(pool.poolId(), username).orElseThrow();
    cognito.confirmForgotPassword(
        r -> r.clientId(pool.clientId()).username(username).confirmationCode(code).password("Ch4nged-twice"));
    assertCognitoError(
        NotAuthorizedException.class, INCORRECT, () -> signInBySrp(pool.clientId(), username, "Ch4nged-once"));
    assertNotNull(signInBySrp(pool.clientId(), username, "Ch4nged-twice"));
  }

  @Test
  void inAnEmailUsernamePoolTheUserIdForSrpIsTheStoredUsername() {
    Pool byEmail = Pools.emailUsernamePool(cognito);
    String email = "srp-" + SEQUENCE.incrementAndGet() + "@example.com";
    String sub = Users.signUp(cognito, byEmail.clientId(), email, PASSWORD).userSub();
    cognito.adminConfirmSignUp(r -> r.userPoolId(byEmail.poolId()).username(email));
    SrpClient srp = new SrpClient(byEmail.poolId());
    InitiateAuthResponse challenge = initiate(byEmail.clientId(), email, srp.srpA());

    assertEquals(sub, challenge.challengeParameters().get("USER_ID_FOR_SRP"));
    assertNotNull(
        respond(byEmail.clientId(), challenge, srp.answer(challenge.challengeParameters(), PASSWORD))
            .authenticationResult()
            .accessToken());
  }

  @Test
  void anAnswerMissingAClaimIsNamedAndAMalformedOneIsIncorrect() {
    String username = confirmedUser();
    SrpClient srp = new SrpClient(pool.poolId());
    InitiateAuthResponse challenge = initiate(pool.clientId(), username, srp.srpA());
    Map<String, String> answer = srp.answer(challenge.challengeParameters(), PASSWORD);
    Map<String, String> unsigned = new HashMap<>(answer);
    unsigned.remove("PASSWORD_CLAIM_SIGNATURE");
    assertCognitoError(
        InvalidParameterException.class,
        "Missing required parameter PASSWORD_CLAIM_SIGNATURE",
        () -> respond(pool.clientId(), challenge, unsigned));

    // The signature covers the timestamp as sent; one that is not Cognito's format is not a valid claim.
    Map<String, String> undated = new HashMap<>(answer);
    undated.put("TIMESTAMP", "2026-11-30T07:05:09Z");
    assertCognitoError(
        NotAuthorizedException.class, INCORRECT, () -> respond(pool.clientId(), challenge, undated));
  }

  @Test
  void aClientWithASecretNeedsTheSecretHashAtBothSteps() {
    var client =
        Pools.client(
            cognito,
            pool.poolId(),
            c -> c.generateSecret(true).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH));
    String username = confirmedUser();
    String secretHash = Users.secretHash(client.clientSecret(), username, client.clientId());
    SrpClient srp = new SrpClient(pool.poolId());
    assertCognitoError(
        NotAuthorizedException.class,
        "Client " + client.clientId() + " is configured with secret but SECRET_HASH was not received",
        () -> initiate(client.clientId(), username, srp.srpA()));

    InitiateAuthResponse challenge =
        cognito.initiateAuth(
            r -> r.clientId(client.clientId())
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA(), "SECRET_HASH", secretHash)));
    Map<String, String> answer = new HashMap<>(srp.answer(challenge.challengeParameters(), PASSWORD));
    assertCognitoError(
        NotAuthorizedException.class,
        "Client " + client.clientId() + " is configured with secret but SECRET_HASH was not received",
        () -> respond(client.clientId(), challenge, answer));
    answer.put("SECRET_HASH", secretHash);
    assertNotNull(respond(client.clientId(), challenge, answer).authenticationResult().accessToken());
  }

  @Test
  void aUserStoredBeforeVerifiersSignsInBySrpAfterOnePasswordSignIn(@TempDir Path dataDir) throws Exception {
    String username = "older-" + SEQUENCE.incrementAndGet();
    Pool stored;
    try (Cognate first = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
        CognitoIdentityProviderClient client = TestEmulator.client(first)) {
      stored =
          Pools.pool(
              client,
              p -> {},
              c -> c.explicitAuthFlows(
                  ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH));
      Users.signUp(client, stored.clientId(), username, PASSWORD);
      client.adminConfirmSignUp(r -> r.userPoolId(stored.poolId()).username(username));
    }
    // As a Cognate from before verifiers were kept left the user.
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("cognate"), "sa", "");
        PreparedStatement st =
            c.prepareStatement("UPDATE users SET srp_salt = NULL, srp_verifier = NULL WHERE username = ?")) {
      st.setString(1, username);
      assertEquals(1, st.executeUpdate());
    }
    try (Cognate second = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
        CognitoIdentityProviderClient client = TestEmulator.client(second)) {
      assertCognitoError(
          NotAuthorizedException.class,
          INCORRECT,
          () -> signInBySrp(client, stored.poolId(), stored.clientId(), username, PASSWORD));
      assertNotNull(Users.signIn(client, stored.clientId(), username, PASSWORD).accessToken());
      assertNotNull(signInBySrp(client, stored.poolId(), stored.clientId(), username, PASSWORD));
      assertFalse(
          signInBySrp(client, stored.poolId(), stored.clientId(), username, PASSWORD).isEmpty(),
          "the verifier stays");
    }
  }

  private static String confirmedUser() {
    String username = "srp-" + SEQUENCE.incrementAndGet();
    Users.signUp(cognito, pool.clientId(), username, PASSWORD);
    cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username(username));
    return username;
  }

  private static InitiateAuthResponse initiate(String clientId, String username, String srpA) {
    return cognito.initiateAuth(
        r -> r.clientId(clientId)
            .authFlow(AuthFlowType.USER_SRP_AUTH)
            .authParameters(Map.of("USERNAME", username, "SRP_A", srpA)));
  }

  private static RespondToAuthChallengeResponse respond(
      String clientId, InitiateAuthResponse challenge, Map<String, String> answer) {
    return cognito.respondToAuthChallenge(
        r -> r.clientId(clientId)
            .challengeName(challenge.challengeName())
            .session(challenge.session())
            .challengeResponses(answer));
  }

  /** The access token of a whole SRP sign-in. */
  private static String signInBySrp(String clientId, String username, String password) {
    return signInBySrp(cognito, pool.poolId(), clientId, username, password);
  }

  private static String signInBySrp(
      CognitoIdentityProviderClient client, String poolId, String clientId, String username, String password) {
    return SrpClient.signIn(client, poolId, clientId, username, password).authenticationResult().accessToken();
  }
}
