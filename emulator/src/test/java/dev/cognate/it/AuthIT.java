package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.refresh;
import static dev.cognate.support.Users.secretHash;
import static dev.cognate.support.Users.signUp;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** Sign-in through InitiateAuth and AdminInitiateAuth, driven by the real SDK v2 client. */
class AuthIT {
  private static final String PASSWORD = "Passw0rd!";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  // One emulator per class; tests stay independent through their own clients and unique usernames.
  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();
  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();
  /** The default (case-sensitive, no e-mail username) pool most tests share. */
  private static String sharedPool;

  private String alice;
  private String bob;

  @BeforeAll
  static void createSharedPool() {
    sharedPool = Pools.userPool(cognito, p -> {});
  }

  @BeforeEach
  void names() {
    int n = SEQUENCE.incrementAndGet();
    alice = "alice-" + n;
    bob = "bob-" + n;
  }

  // ---------------------------------------------------------------- successful flows

  @Test
  void adminUserPasswordAuthReturnsTokens() throws Exception {
    String poolId = pool();
    String clientId =
        client(poolId, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
    confirmedUser(poolId, clientId, alice);

    AdminInitiateAuthResponse response = adminPasswordAuth(poolId, clientId, alice, PASSWORD);

    assertNull(response.challengeName());
    assertNull(response.session());
    assertTrue(response.hasChallengeParameters(), "ChallengeParameters must be present");
    assertTrue(response.challengeParameters().isEmpty());
    assertSuccessShape(response.authenticationResult(), 3600);
    JWTClaimsSet id = claims(response.authenticationResult().idToken());
    assertEquals(alice, id.getStringClaim("cognito:username"));
    assertEquals(List.of(clientId), id.getAudience());
  }

  @Test
  void legacyAdminNoSrpAuthReturnsTokens() throws Exception {
    String poolId = pool();
    String clientId = client(poolId, ExplicitAuthFlowsType.ADMIN_NO_SRP_AUTH);
    confirmedUser(poolId, clientId, alice);

    AdminInitiateAuthResponse response =
        adminAuth(poolId, clientId, AuthFlowType.ADMIN_NO_SRP_AUTH, Map.of("USERNAME", alice, "PASSWORD", PASSWORD));

    assertNull(response.challengeName());
    assertTrue(response.hasChallengeParameters());
    assertTrue(response.challengeParameters().isEmpty());
    assertSuccessShape(response.authenticationResult(), 3600);
    assertEquals(alice, claims(response.authenticationResult().accessToken()).getStringClaim("username"));

    // The legacy list implicitly allows refresh.
    String refreshToken = response.authenticationResult().refreshToken();
    AdminInitiateAuthResponse refreshed =
        adminAuth(poolId, clientId, AuthFlowType.REFRESH_TOKEN_AUTH, Map.of("REFRESH_TOKEN", refreshToken));
    assertNotNull(refreshed.authenticationResult().accessToken());
    assertNull(refreshed.authenticationResult().refreshToken());
  }

  @Test
  void userPasswordAuthReturnsTokens() throws Exception {
    String poolId = pool();
    String clientId =
        client(poolId, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
    String sub = confirmedUser(poolId, clientId, alice);

    InitiateAuthResponse response = userPasswordAuth(clientId, alice, PASSWORD);

    assertNull(response.challengeName());
    assertNull(response.session());
    assertTrue(response.hasChallengeParameters(), "ChallengeParameters must be present");
    assertTrue(response.challengeParameters().isEmpty());
    assertFalse(response.hasAvailableChallenges() && !response.availableChallenges().isEmpty());
    AuthenticationResultType result = response.authenticationResult();
    assertSuccessShape(result, 3600);
    assertNull(result.newDeviceMetadata());

    JWTClaimsSet id = claims(result.idToken());
    JWTClaimsSet access = claims(result.accessToken());
    assertEquals(sub, id.getSubject());
    assertEquals(sub, access.getSubject());
    assertEquals("id", id.getStringClaim("token_use"));
    assertEquals("access", access.getStringClaim("token_use"));
    assertEquals(3600, seconds(id));
    assertEquals(3600, seconds(access));
  }

  // ---------------------------------------------------------------- flows not enabled / not supported

  @Test
  void userPasswordAuthOnDefaultClientIsNotEnabled() {
    String poolId = pool();
    String clientId = defaultClient(poolId);
    confirmedUser(poolId, clientId, alice);

    assertCognitoError(
        "InvalidParameterException",
        "USER_PASSWORD_AUTH flow not enabled for this client",
        () -> userPasswordAuth(clientId, alice, PASSWORD));
  }

  @Test
  void adminFlowsOnDefaultClientAreNotEnabled() {
    String poolId = pool();
    String clientId = defaultClient(poolId);
    confirmedUser(poolId, clientId, alice);

    for (AuthFlowType flow : List.of(AuthFlowType.ADMIN_USER_PASSWORD_AUTH, AuthFlowType.ADMIN_NO_SRP_AUTH)) {
      assertCognitoError(
          "InvalidParameterException",
          "Auth flow not enabled for this client",
          () -> adminAuth(poolId, clientId, flow, Map.of("USERNAME", alice, "PASSWORD", PASSWORD)));
    }
  }

  @Test
  void userPasswordClientDoesNotAllowAdminFlowAndViceVersa() {
    String poolId = pool();
    String userPasswordOnly = client(poolId, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH);
    String adminOnly = client(poolId, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH);
    confirmedUser(poolId, userPasswordOnly, alice);

    assertCognitoError(
        "InvalidParameterException",
        "Auth flow not enabled for this client",
        () -> adminPasswordAuth(poolId, userPasswordOnly, alice, PASSWORD));
    assertCognitoError(
        "InvalidParameterException",
        "USER_PASSWORD_AUTH flow not enabled for this client",
        () -> userPasswordAuth(adminOnly, alice, PASSWORD));
  }

  @Test
  void refreshOnClientWithoutRefreshFlowIsNotEnabled() {
    String poolId = pool();
    String clientId = client(poolId, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH);
    confirmedUser(poolId, clientId, alice);
    String refreshToken = userPasswordAuth(clientId, alice, PASSWORD).authenticationResult().refreshToken();

    assertCognitoError(
        "InvalidParameterException",
        "Refresh Token flow not enabled for this client",
        () -> refresh(cognito, clientId, refreshToken));
  }

  @Test
  void adminFlowsOnInitiateAuthAndUserPasswordOnAdminInitiateAuthAreNotSupported() {
    String poolId = pool();
    String clientId =
        client(
            poolId,
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
    confirmedUser(poolId, clientId, alice);
    Map<String, String> params = Map.of("USERNAME", alice, "PASSWORD", PASSWORD);

    for (AuthFlowType flow : List.of(AuthFlowType.ADMIN_USER_PASSWORD_AUTH, AuthFlowType.ADMIN_NO_SRP_AUTH)) {
      assertCognitoError(
          "InvalidParameterException",
          "Initiate Auth method not supported.",
          () -> cognito.initiateAuth(r -> r.clientId(clientId).authFlow(flow).authParameters(params)));
    }
    assertCognitoError(
        "InvalidParameterException",
        "Initiate Auth method not supported.",
        () -> adminAuth(poolId, clientId, AuthFlowType.USER_PASSWORD_AUTH, params));

    // Legacy client with ADMIN_NO_SRP_AUTH: InitiateAuth with that flow is still the wrong API.
    String legacy = client(poolId, ExplicitAuthFlowsType.ADMIN_NO_SRP_AUTH);
    assertCognitoError(
        "InvalidParameterException",
        "Initiate Auth method not supported.",
        () ->
            cognito.initiateAuth(
                r -> r.clientId(legacy).authFlow(AuthFlowType.ADMIN_NO_SRP_AUTH).authParameters(params)));
  }

  @Test
  void missingAuthParametersAreReported() {
    String poolId = pool();
    String clientId =
        client(
            poolId,
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
    confirmedUser(poolId, clientId, alice);

    assertCognitoError(
        "InvalidParameterException",
        "Missing required parameter USERNAME",
        () ->
            cognito.initiateAuth(
                r ->
                    r.clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("PASSWORD", PASSWORD))));
    assertCognitoError(
        "InvalidParameterException",
        "Missing required parameter USERNAME",
        () -> cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)));
    assertCognitoError(
        "InvalidParameterException",
        "Missing required parameter PASSWORD",
        () ->
            cognito.initiateAuth(
                r ->
                    r.clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", alice))));
    assertCognitoError(
        "InvalidParameterException",
        "Missing required parameter USERNAME",
        () ->
            adminAuth(
                poolId, clientId, AuthFlowType.ADMIN_USER_PASSWORD_AUTH, Map.of("PASSWORD", PASSWORD)));
    assertCognitoError(
        "InvalidParameterException",
        "Missing required parameter PASSWORD",
        () -> adminAuth(poolId, clientId, AuthFlowType.ADMIN_USER_PASSWORD_AUTH, Map.of("USERNAME", alice)));
    for (AuthFlowType flow : List.of(AuthFlowType.REFRESH_TOKEN_AUTH, AuthFlowType.REFRESH_TOKEN)) {
      assertCognitoError(
          "InvalidParameterException",
          "Missing required parameter REFRESH_TOKEN",
          () -> cognito.initiateAuth(r -> r.clientId(clientId).authFlow(flow).authParameters(Map.of())));
    }
    assertCognitoError(
        "InvalidParameterException",
        "Missing required parameter REFRESH_TOKEN",
        () -> adminAuth(poolId, clientId, AuthFlowType.REFRESH_TOKEN_AUTH, Map.of()));
  }

  @Test
  void customAuthWithoutADefineAuthChallengeTriggerIsRefused() {
    String poolId = pool();
    String clientId = defaultClient(poolId);
    confirmedUser(poolId, clientId, alice);

    CognitoIdentityProviderException e =
        assertThrows(
            CognitoIdentityProviderException.class,
            () ->
                cognito.initiateAuth(
                    r ->
                        r.clientId(clientId)
                            .authFlow(AuthFlowType.CUSTOM_AUTH)
                            .authParameters(Map.of("USERNAME", alice))));
    assertEquals("InvalidParameterException", e.awsErrorDetails().errorCode());
    assertEquals(
        "Custom auth lambda trigger is not configured for the user pool.", e.awsErrorDetails().errorMessage());
    assertEquals(400, e.statusCode());
  }

  // ---------------------------------------------------------------- user state failures

  @Test
  void unconfirmedUserCannotSignInEvenWithWrongPassword() {
    String poolId = pool();
    String clientId =
        client(poolId, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH);
    signUp(cognito, clientId, bob, PASSWORD, attr("email", bob + "@example.com"));

    assertCognitoError(
        "UserNotConfirmedException",
        "User is not confirmed.",
        () -> userPasswordAuth(clientId, bob, PASSWORD));
    assertCognitoError(
        "UserNotConfirmedException", "User is not confirmed.", () -> userPasswordAuth(clientId, bob, "Wr0ng-pass!"));
    assertCognitoError(
        "UserNotConfirmedException",
        "User is not confirmed.",
        () -> adminPasswordAuth(poolId, clientId, bob, PASSWORD));
  }

  @Test
  void wrongPasswordIsRejected() {
    String poolId = pool();
    String clientId =
        client(poolId, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH);
    confirmedUser(poolId, clientId, alice);

    assertCognitoError(
        "NotAuthorizedException",
        "Incorrect username or password.",
        () -> userPasswordAuth(clientId, alice, "Wr0ng-pass!"));
    assertCognitoError(
        "NotAuthorizedException",
        "Incorrect username or password.",
        () -> adminPasswordAuth(poolId, clientId, alice, "Wr0ng-pass!"));
    // Still fine with the right one afterwards.
    assertNotNull(userPasswordAuth(clientId, alice, PASSWORD).authenticationResult());
  }

  @Test
  void unknownUserUnderLegacyIsUserNotFound() {
    String poolId = pool();
    String implicitLegacy =
        client(poolId, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH);
    String explicitLegacy =
        client(
            poolId,
            c -> c.preventUserExistenceErrors(PreventUserExistenceErrorTypes.LEGACY),
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH);

    for (String clientId : List.of(implicitLegacy, explicitLegacy)) {
      assertCognitoError(
          "UserNotFoundException",
          "User does not exist.",
          () -> userPasswordAuth(clientId, "ghost", PASSWORD));
      assertCognitoError(
          "UserNotFoundException",
          "User does not exist.",
          () -> adminPasswordAuth(poolId, clientId, "ghost", PASSWORD));
    }
  }

  @Test
  void unknownUserUnderEnabledIsIncorrectUsernameOrPassword() {
    String poolId = pool();
    String clientId =
        client(
            poolId,
            c -> c.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED),
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH);

    assertCognitoError(
        "NotAuthorizedException", "Incorrect username or password.", () -> userPasswordAuth(clientId, "ghost", PASSWORD));
    assertCognitoError(
        "NotAuthorizedException",
        "Incorrect username or password.",
        () -> adminPasswordAuth(poolId, clientId, "ghost", PASSWORD));
  }

  // ---------------------------------------------------------------- secret clients

  @Test
  void secretClientRequiresCorrectSecretHash() throws Exception {
    String poolId = pool();
    UserPoolClientType created =
        Pools.client(
            cognito,
            poolId,
            r ->
                r.clientName("secret")
                    .generateSecret(true)
                    .explicitAuthFlows(
                        ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
    String clientId = created.clientId();
    String secret = created.clientSecret();
    assertNotNull(secret);
    String hash = secretHash(secret, alice, clientId);
    cognito.signUp(
        r ->
            r.clientId(clientId)
                .username(alice)
                .password(PASSWORD)
                .secretHash(hash)
                .userAttributes(attr("email", alice + "@example.com")));
    cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username(alice));

    String missing = "Client " + clientId + " is configured with secret but SECRET_HASH was not received";
    String wrong = "Unable to verify secret hash for client " + clientId;

    // InitiateAuth USER_PASSWORD_AUTH
    assertCognitoError("NotAuthorizedException", missing, () -> userPasswordAuth(clientId, alice, PASSWORD));
    assertCognitoError(
        "NotAuthorizedException",
        wrong,
        () ->
            cognito.initiateAuth(
                r ->
                    r.clientId(clientId)
                        .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(
                            Map.of(
                                "USERNAME", alice,
                                "PASSWORD", PASSWORD,
                                "SECRET_HASH", secretHash(secret, bob, clientId)))));
    InitiateAuthResponse ok =
        cognito.initiateAuth(
            r ->
                r.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", alice, "PASSWORD", PASSWORD, "SECRET_HASH", hash)));
    assertSuccessShape(ok.authenticationResult(), 3600);

    // AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH
    assertCognitoError(
        "NotAuthorizedException",
        missing,
        () -> adminPasswordAuth(poolId, clientId, alice, PASSWORD));
    assertCognitoError(
        "NotAuthorizedException",
        wrong,
        () ->
            adminAuth(
                poolId,
                clientId,
                AuthFlowType.ADMIN_USER_PASSWORD_AUTH,
                Map.of("USERNAME", alice, "PASSWORD", PASSWORD, "SECRET_HASH", "d3JvbmcgaGFzaA==")));
    assertSuccessShape(
        adminAuth(
                poolId,
                clientId,
                AuthFlowType.ADMIN_USER_PASSWORD_AUTH,
                Map.of("USERNAME", alice, "PASSWORD", PASSWORD, "SECRET_HASH", hash))
            .authenticationResult(),
        3600);

    // REFRESH_TOKEN_AUTH: SECRET_HASH is computed from the username.
    String refreshToken = ok.authenticationResult().refreshToken();
    assertCognitoError(
        "NotAuthorizedException",
        missing,
        () -> refresh(cognito, clientId, refreshToken));
    assertCognitoError(
        "NotAuthorizedException",
        wrong,
        () ->
            cognito.initiateAuth(
                r ->
                    r.clientId(clientId)
                        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                        .authParameters(
                            Map.of("REFRESH_TOKEN", refreshToken, "SECRET_HASH", secretHash(secret, bob, clientId)))));
    InitiateAuthResponse refreshed =
        cognito.initiateAuth(
            r ->
                r.clientId(clientId)
                    .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", refreshToken, "SECRET_HASH", hash)));
    assertNotNull(refreshed.authenticationResult().accessToken());
    assertNotNull(refreshed.authenticationResult().idToken());
    assertNull(refreshed.authenticationResult().refreshToken());
    assertEquals(alice, claims(refreshed.authenticationResult().accessToken()).getStringClaim("username"));
  }

  // ---------------------------------------------------------------- token validity

  @Test
  void validityWithoutUnitsIsHours() throws Exception {
    String poolId = pool();
    String clientId =
        client(
            poolId,
            c -> c.accessTokenValidity(5).idTokenValidity(5),
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
    confirmedUser(poolId, clientId, alice);

    AuthenticationResultType result = userPasswordAuth(clientId, alice, PASSWORD).authenticationResult();
    assertEquals(18000, result.expiresIn());
    assertEquals(18000, seconds(claims(result.idToken())));
    assertEquals(18000, seconds(claims(result.accessToken())));
  }

  @Test
  void validityInMinutes() throws Exception {
    String poolId = pool();
    String clientId =
        client(
            poolId,
            c ->
                c.accessTokenValidity(30)
                    .idTokenValidity(10)
                    .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES).idToken(TimeUnitsType.MINUTES)),
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
    confirmedUser(poolId, clientId, alice);

    AuthenticationResultType result = userPasswordAuth(clientId, alice, PASSWORD).authenticationResult();
    assertEquals(1800, result.expiresIn());
    assertEquals(1800, seconds(claims(result.accessToken())));
    assertEquals(600, seconds(claims(result.idToken())));

    // Refreshed tokens keep the client's validity.
    AuthenticationResultType refreshed = refresh(cognito, clientId, result.refreshToken());
    assertEquals(1800, refreshed.expiresIn());
    assertEquals(600, seconds(claims(refreshed.idToken())));
  }

  // ---------------------------------------------------------------- usernames

  @Test
  void caseInsensitivePoolSignsInWithAnyCase() throws Exception {
    String poolId =
        pool(p -> p.usernameConfiguration(u -> u.caseSensitive(false)));
    String clientId =
        client(poolId, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH);
    String sub = confirmedUser(poolId, clientId, "Alice");

    for (String name : List.of("Alice", "alice", "ALICE")) {
      AuthenticationResultType result = userPasswordAuth(clientId, name, PASSWORD).authenticationResult();
      assertNotNull(result, name);
      assertEquals(sub, claims(result.idToken()).getSubject(), name);
    }
    AuthenticationResultType admin = adminPasswordAuth(poolId, clientId, "aLiCe", PASSWORD).authenticationResult();
    assertEquals(sub, claims(admin.accessToken()).getSubject());

    // Same user, so signing up another case of the name is a duplicate.
    assertCognitoError(
        "UsernameExistsException",
        "User already exists",
        () -> signUp(cognito, clientId, "ALICE", PASSWORD, attr("email", "other@example.com")));
  }

  @Test
  void caseSensitivePoolDoesNotMatchOtherCase() {
    // The shared pool was created without UsernameConfiguration: case-sensitive.
    String poolId = pool();
    String clientId = client(poolId, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH);
    String capitalized = "A" + alice.substring(1);
    confirmedUser(poolId, clientId, capitalized);

    assertNotNull(userPasswordAuth(clientId, capitalized, PASSWORD).authenticationResult());
    assertCognitoError(
        "UserNotFoundException",
        "User does not exist.",
        () -> userPasswordAuth(clientId, alice, PASSWORD));
    assertCognitoError(
        "UserNotFoundException",
        "User does not exist.",
        () -> userPasswordAuth(clientId, capitalized.toUpperCase(), PASSWORD));
  }

  @Test
  void emailAsUsernamePoolSignsInByEmail() throws Exception {
    String poolId =
        pool(p -> p.usernameAttributes(UsernameAttributeType.EMAIL).autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
    String clientId =
        client(poolId, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH);
    String email = "carol@example.com";
    String sub =
        signUpConfirmed(cognito, cognate, new Pool(poolId, clientId, null), email, PASSWORD, attr("email", email));

    AuthenticationResultType result = userPasswordAuth(clientId, email, PASSWORD).authenticationResult();
    JWTClaimsSet id = claims(result.idToken());
    JWTClaimsSet access = claims(result.accessToken());
    String uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    String username = id.getStringClaim("cognito:username");
    assertTrue(username.matches(uuidPattern), "cognito:username should be a UUID, was " + username);
    assertEquals(sub, username);
    assertEquals(sub, id.getSubject());
    assertEquals(email, id.getStringClaim("email"));
    assertEquals(username, access.getStringClaim("username"));

    AuthenticationResultType admin = adminPasswordAuth(poolId, clientId, email, PASSWORD).authenticationResult();
    assertEquals(username, claims(admin.idToken()).getStringClaim("cognito:username"));
  }

  // ---------------------------------------------------------------- helpers

  private String pool() {
    return sharedPool;
  }

  private String pool(Consumer<CreateUserPoolRequest.Builder> customizer) {
    return Pools.userPool(cognito, customizer);
  }

  private String defaultClient(String poolId) {
    return Pools.client(cognito, poolId, c -> {}).clientId();
  }

  private String client(String poolId, ExplicitAuthFlowsType... flows) {
    return client(poolId, c -> {}, flows);
  }

  private String client(
      String poolId, Consumer<CreateUserPoolClientRequest.Builder> customizer, ExplicitAuthFlowsType... flows) {
    return Pools.client(
            cognito,
            poolId,
            r -> {
              r.clientName("app").explicitAuthFlows(flows);
              customizer.accept(r);
            })
        .clientId();
  }

  /** Signs up and admin-confirms a user; returns its sub. */
  private String confirmedUser(String poolId, String clientId, String username) {
    SignUpResponse response =
        signUp(cognito, clientId, username, PASSWORD, attr("email", username.toLowerCase() + "@example.com"));
    cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username(username));
    return response.userSub();
  }

  private InitiateAuthResponse userPasswordAuth(String clientId, String username, String password) {
    return cognito.initiateAuth(
        r ->
            r.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
  }

  private AdminInitiateAuthResponse adminPasswordAuth(
      String poolId, String clientId, String username, String password) {
    return adminAuth(
        poolId, clientId, AuthFlowType.ADMIN_USER_PASSWORD_AUTH, Map.of("USERNAME", username, "PASSWORD", password));
  }

  private AdminInitiateAuthResponse adminAuth(
      String poolId, String clientId, AuthFlowType flow, Map<String, String> params) {
    return cognito.adminInitiateAuth(
        r -> r.userPoolId(poolId).clientId(clientId).authFlow(flow).authParameters(new HashMap<>(params)));
  }

  private static void assertSuccessShape(AuthenticationResultType result, int expiresIn) {
    assertNotNull(result, "AuthenticationResult");
    assertNotNull(result.accessToken());
    assertNotNull(result.idToken());
    assertNotNull(result.refreshToken());
    assertFalse(result.accessToken().isBlank());
    assertFalse(result.idToken().isBlank());
    assertFalse(result.refreshToken().isBlank());
    assertEquals("Bearer", result.tokenType());
    assertEquals(expiresIn, result.expiresIn());
    assertEquals(3, result.accessToken().split("\\.", -1).length, "access token is a JWS");
    assertEquals(3, result.idToken().split("\\.", -1).length, "ID token is a JWS");
  }

  private static JWTClaimsSet claims(String jwt) throws Exception {
    return SignedJWT.parse(jwt).getJWTClaimsSet();
  }

  private static long seconds(JWTClaimsSet claims) {
    return (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
  }
}
