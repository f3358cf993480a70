package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static dev.cognate.support.Users.APP_PASSWORD;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.refresh;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUp;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.support.Race.Outcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** Accounts: AdminDisableUser, AdminEnableUser, DeleteUser and AdminUserGlobalSignOut, and what they do to sign-in. */
class AccountsIT {
  private static final String MISSING_POOL = "us-east-1_zzzzzzzzz";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.start();
  private static final Cognate COGNATE = EMULATOR.cognate();
  private static final CognitoIdentityProviderClient COGNITO = EMULATOR.cognito();
  private static Pool pool;

  @BeforeAll
  static void createPool() {
    pool =
        Pools.appPool(
            COGNITO,
            c -> c.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  private static String newUser() {
    String username = "user" + SEQUENCE.incrementAndGet();
    signUpConfirmed(COGNITO, COGNATE, pool, username, APP_PASSWORD, attr("email", username + "@example.com"));
    return username;
  }

  private static AuthenticationResultType login(String username) {
    return signIn(COGNITO, pool.clientId(), username, APP_PASSWORD);
  }

  private static void assertNotAuthorized(String message, Executable call) {
    assertCognitoError(NotAuthorizedException.class, message, call);
  }

  // ---- AdminDisableUser / AdminEnableUser ----

  @Test
  void aDisabledUserCannotSignInEvenWithTheRightPassword() {
    String alice = newUser();
    COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(alice));

    assertNotAuthorized("User is disabled.", () -> login(alice));
    assertNotAuthorized("User is disabled.", () -> signIn(COGNITO, pool.clientId(), alice, "wrong-password"));
    assertNotAuthorized(
        "User is disabled.",
        () -> COGNITO.adminInitiateAuth(
            r -> r.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", alice, "PASSWORD", APP_PASSWORD))));
  }

  @Test
  void disablingShowsInAdminGetUserAndListUsers() {
    String bob = newUser();
    assertTrue(COGNITO.adminGetUser(r -> r.userPoolId(pool.poolId()).username(bob)).enabled());

    COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(bob));

    assertFalse(COGNITO.adminGetUser(r -> r.userPoolId(pool.poolId()).username(bob)).enabled());
    UserType listed =
        COGNITO.listUsers(r -> r.userPoolId(pool.poolId()).filter("username = \"" + bob + "\"")).users().get(0);
    assertFalse(listed.enabled());
    assertEquals("CONFIRMED", listed.userStatusAsString());
  }

  @Test
  void disablingRevokesTokensAndRefreshSaysTheUserIsDisabled() {
    String carol = newUser();
    AuthenticationResultType tokens = login(carol);

    COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(carol));

    assertNotAuthorized("User is disabled.", () -> refresh(COGNITO, pool.clientId(), tokens.refreshToken()));
    assertNotAuthorized(
        "Access Token has been revoked", () -> COGNITO.getUser(r -> r.accessToken(tokens.accessToken())));
    assertNotAuthorized(
        "Access Token has been revoked", () -> COGNITO.globalSignOut(r -> r.accessToken(tokens.accessToken())));
    assertNotAuthorized(
        "Access Token has been revoked", () -> COGNITO.deleteUser(r -> r.accessToken(tokens.accessToken())));
  }

  @Test
  void enablingLetsTheUserSignInAgainButOldSessionsStayRevoked() {
    String dave = newUser();
    AuthenticationResultType before = login(dave);
    COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(dave));

    COGNITO.adminEnableUser(r -> r.userPoolId(pool.poolId()).username(dave));

    assertTrue(COGNITO.adminGetUser(r -> r.userPoolId(pool.poolId()).username(dave)).enabled());
    AuthenticationResultType after = login(dave);
    assertEquals(dave, COGNITO.getUser(r -> r.accessToken(after.accessToken())).username());
    assertNotNull(refresh(COGNITO, pool.clientId(), after.refreshToken()).accessToken());
    assertNotAuthorized(
        "Refresh Token has been revoked", () -> refresh(COGNITO, pool.clientId(), before.refreshToken()));
    assertNotAuthorized(
        "Access Token has been revoked", () -> COGNITO.getUser(r -> r.accessToken(before.accessToken())));
  }

  @Test
  void disablingOrEnablingTwiceIsNoError() {
    String erin = newUser();
    COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(erin));
    COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(erin));
    assertFalse(COGNITO.adminGetUser(r -> r.userPoolId(pool.poolId()).username(erin)).enabled());
    COGNITO.adminEnableUser(r -> r.userPoolId(pool.poolId()).username(erin));
    COGNITO.adminEnableUser(r -> r.userPoolId(pool.poolId()).username(erin));
    assertTrue(COGNITO.adminGetUser(r -> r.userPoolId(pool.poolId()).username(erin)).enabled());
  }

  @Test
  void anUnconfirmedUserCanBeDisabledAndThenHearsItIsDisabled() {
    String frank = "user" + SEQUENCE.incrementAndGet();
    signUp(COGNITO, pool, frank, frank + "@example.com");
    assertCognitoError(UserNotConfirmedException.class, "User is not confirmed.", () -> login(frank));
    COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(frank));
    assertNotAuthorized("User is disabled.", () -> login(frank));
  }

  @Test
  void disableEnableAndAdminSignOutNameMissingUsersAndPools() {
    String message = "User does not exist.";
    assertCognitoError(
        UserNotFoundException.class,
        message,
        () -> COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username("nobody")));
    assertCognitoError(
        UserNotFoundException.class,
        message,
        () -> COGNITO.adminEnableUser(r -> r.userPoolId(pool.poolId()).username("nobody")));
    assertCognitoError(
        UserNotFoundException.class,
        message,
        () -> COGNITO.adminUserGlobalSignOut(r -> r.userPoolId(pool.poolId()).username("nobody")));

    String poolMessage = "User pool " + MISSING_POOL + " does not exist.";
    assertCognitoError(
        ResourceNotFoundException.class,
        poolMessage,
        () -> COGNITO.adminDisableUser(r -> r.userPoolId(MISSING_POOL).username("nobody")));
    assertCognitoError(
        ResourceNotFoundException.class,
        poolMessage,
        () -> COGNITO.adminEnableUser(r -> r.userPoolId(MISSING_POOL).username("nobody")));
    assertCognitoError(
        ResourceNotFoundException.class,
        poolMessage,
        () -> COGNITO.adminUserGlobalSignOut(r -> r.userPoolId(MISSING_POOL).username("nobody")));
  }

  @Test
  void requestsAreValidatedAgainstTheModel() {
    assertInvalidParameter(
        "1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null",
        () -> COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId())));
    assertInvalidParameter(
        "1 validation error detected: Value 'bad' at 'userPoolId' failed to satisfy constraint: Member must satisfy"
            + " regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
        () -> COGNITO.adminEnableUser(r -> r.userPoolId("bad").username("x")));
    assertInvalidParameter(
        "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
        () -> COGNITO.adminUserGlobalSignOut(r -> r.userPoolId(pool.poolId()).username("has space")));
    assertInvalidParameter(
        "1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be"
            + " null",
        () -> COGNITO.deleteUser(r -> {}));
  }

  // ---- DeleteUser ----

  @Test
  void deleteUserDeletesTheSignedInUserAndTheirSessions() {
    String grace = newUser();
    AuthenticationResultType first = login(grace);
    AuthenticationResultType second = login(grace);

    COGNITO.deleteUser(r -> r.accessToken(first.accessToken()));

    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> COGNITO.adminGetUser(r -> r.userPoolId(pool.poolId()).username(grace)));
    assertCognitoError(UserNotFoundException.class, "User does not exist.", () -> login(grace));
    for (AuthenticationResultType session : List.of(first, second)) {
      assertNotAuthorized(
          "Refresh Token has been revoked", () -> refresh(COGNITO, pool.clientId(), session.refreshToken()));
      assertNotAuthorized(
          "Access Token has been revoked", () -> COGNITO.getUser(r -> r.accessToken(session.accessToken())));
    }
    assertNotAuthorized(
        "Access Token has been revoked", () -> COGNITO.deleteUser(r -> r.accessToken(first.accessToken())));
  }

  @Test
  void aDeletedUsersNameCanBeSignedUpAgain() {
    String heidi = newUser();
    COGNITO.deleteUser(r -> r.accessToken(login(heidi).accessToken()));
    signUpConfirmed(COGNITO, COGNATE, pool, heidi, APP_PASSWORD, attr("email", heidi + "@example.com"));
    assertNotNull(login(heidi).accessToken());
  }

  @Test
  void deleteUserRefusesTokensItCannotTrust() {
    assertNotAuthorized("Invalid Access Token", () -> COGNITO.deleteUser(r -> r.accessToken("eyJ.not.valid")));
    String ivan = newUser();
    AuthenticationResultType tokens = login(ivan);
    COGNITO.globalSignOut(r -> r.accessToken(tokens.accessToken()));
    assertNotAuthorized(
        "Access Token has been revoked", () -> COGNITO.deleteUser(r -> r.accessToken(tokens.accessToken())));
    assertEquals(ivan, COGNITO.adminGetUser(r -> r.userPoolId(pool.poolId()).username(ivan)).username());
  }

  // ---- AdminUserGlobalSignOut ----

  @Test
  void adminGlobalSignOutRevokesEverySessionOfTheUserOnly() {
    String judy = newUser();
    String mallory = newUser();
    AuthenticationResultType first = login(judy);
    AuthenticationResultType second = login(judy);
    AuthenticationResultType other = login(mallory);

    COGNITO.adminUserGlobalSignOut(r -> r.userPoolId(pool.poolId()).username(judy));

    for (AuthenticationResultType session : List.of(first, second)) {
      assertNotAuthorized(
          "Refresh Token has been revoked", () -> refresh(COGNITO, pool.clientId(), session.refreshToken()));
      assertNotAuthorized(
          "Access Token has been revoked", () -> COGNITO.getUser(r -> r.accessToken(session.accessToken())));
    }
    assertEquals(mallory, COGNITO.getUser(r -> r.accessToken(other.accessToken())).username());
    assertNotNull(refresh(COGNITO, pool.clientId(), other.refreshToken()).accessToken());
    AuthenticationResultType again = login(judy);
    assertEquals(judy, COGNITO.getUser(r -> r.accessToken(again.accessToken())).username());
  }

  @Test
  void adminGlobalSignOutFindsAUserByEmailInAnEmailUsernamePool() {
    Pool byEmail =
        Pools.pool(
            COGNITO,
            p -> p.usernameAttributes(UsernameAttributeType.EMAIL).autoVerifiedAttributes(VerifiedAttributeType.EMAIL),
            c -> c.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
    String email = "kim" + SEQUENCE.incrementAndGet() + "@example.com";
    signUpConfirmed(COGNITO, COGNATE, byEmail, email, "Passw0rd!");
    AuthenticationResultType tokens = signIn(COGNITO, byEmail.clientId(), email, "Passw0rd!");

    COGNITO.adminUserGlobalSignOut(r -> r.userPoolId(byEmail.poolId()).username(email));
    COGNITO.adminDisableUser(r -> r.userPoolId(byEmail.poolId()).username(email));

    assertNotAuthorized(
        "Access Token has been revoked", () -> COGNITO.getUser(r -> r.accessToken(tokens.accessToken())));
    assertNotAuthorized("User is disabled.", () -> signIn(COGNITO, byEmail.clientId(), email, "Passw0rd!"));
  }

  // ---- Races ----

  /**
   * Sign-ins racing a disable: whichever sign-ins won a session before the disable had it revoked by the disable,
   * and none began one after, so no refresh token handed out works afterwards.
   */
  @Test
  void noSessionSurvivesADisableThatRacedItsSignIn() throws Exception {
    int rounds = 10;
    int signIns = 6;
    int succeeded = 0;
    for (int round = 0; round < rounds; round++) {
      String user = newUser();
      List<Outcome> outcomes =
          Race.run(
              signIns + 1,
              signIns + 1,
              i -> {
                if (i == signIns) {
                  COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(user));
                  return "disabled";
                }
                return login(user).refreshToken();
              });
      assertTrue(outcomes.get(signIns).ok(), outcomes::toString);
      for (Outcome outcome : outcomes.subList(0, signIns)) {
        if (outcome.ok()) {
          succeeded++;
          assertNotAuthorized("User is disabled.", () -> refresh(COGNITO, pool.clientId(), outcome.value()));
        } else {
          assertEquals("NotAuthorizedException", outcome.errorCode(), outcome::toString);
          assertEquals("User is disabled.", outcome.message(), outcome::toString);
        }
      }
    }
    System.out.println(
        "AccountsIT: " + rounds + " rounds of " + signIns + " sign-ins racing one AdminDisableUser: " + succeeded
            + " sign-ins won a session before the disable, every one of them refused on refresh afterwards");
  }
}
