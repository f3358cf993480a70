package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.CognateConfig;
import dev.cognate.Limits;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;

/**
 * Wrong passwords lock sign-in out as Cognito does: after five, for a second that doubles with each further wrong
 * password up to fifteen minutes, refusing even the right password meanwhile. Time moves on the emulator's clock.
 */
class SignInLockoutIT {
  private static final String PASSWORD = "Passw0rd!";
  private static final String WRONG = "Wr0ng-password";
  private static final String INCORRECT = "Incorrect username or password.";
  private static final String EXCEEDED = "Password attempts exceeded";
  private static final Duration MILLI = Duration.ofMillis(1);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private static final MutableClock clock = MutableClock.startingNow();

  @RegisterExtension
  static final EmulatorExtension emulator = EmulatorExtension.start(CognateConfig.forTests().clock(clock));

  private static final CognitoIdentityProviderClient cognito = emulator.cognito();
  private static Pool pool;

  private String username;

  @BeforeAll
  static void createPool() {
    pool =
        Pools.pool(
            cognito,
            p -> {},
            c -> c.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  @BeforeEach
  void confirmedUser() {
    username = "user-" + SEQUENCE.incrementAndGet();
    createConfirmed(username);
  }

  @Test
  void fiveWrongPasswordsLockOutEvenTheRightOneForASecond() {
    wrongPasswords(5);

    assertExceeded(PASSWORD);
    clock.advance(Duration.ofSeconds(1).minus(MILLI));
    assertExceeded(PASSWORD);
    clock.advance(MILLI);
    assertNotNull(signIn(PASSWORD).accessToken());
  }

  @Test
  void eachFurtherWrongPasswordDoublesTheLockout() {
    wrongPasswords(5);
    for (Duration lock : List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8))) {
      clock.advance(lock.dividedBy(2));
      assertIncorrect(WRONG);
      assertExceeded(PASSWORD);
      clock.advance(lock.minus(MILLI));
      assertExceeded(PASSWORD);
      clock.advance(MILLI);
    }
    assertNotNull(signIn(PASSWORD).accessToken());
  }

  @Test
  void theLockoutGrowsNoLongerThanFifteenMinutes() {
    wrongPasswords(5);
    // the tenth further wrong password would double the second past 15 minutes
    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofMinutes(15));
      assertIncorrect(WRONG);
    }
    clock.advance(Duration.ofMinutes(15).minus(MILLI));
    assertExceeded(PASSWORD);
    clock.advance(MILLI);
    assertNotNull(signIn(PASSWORD).accessToken());
  }

  @Test
  void passwordsAreNotCheckedOrCountedDuringALockout() {
    wrongPasswords(5);
    for (int i = 0; i < 3; i++) {
      assertExceeded(WRONG);
    }
    clock.advance(Duration.ofSeconds(1));
    assertNotNull(signIn(PASSWORD).accessToken(), "refused passwords did not lengthen the lock-out");
  }

  @Test
  void aRightPasswordStartsTheCountAgain() {
    wrongPasswords(4);
    assertNotNull(signIn(PASSWORD).accessToken());
    wrongPasswords(4);
    assertNotNull(signIn(PASSWORD).accessToken(), "four wrong passwords after a success are not five in a row");

    wrongPasswords(5);
    assertExceeded(PASSWORD);
    clock.advance(Duration.ofSeconds(1));
    assertNotNull(signIn(PASSWORD).accessToken());
    wrongPasswords(4);
    assertNotNull(signIn(PASSWORD).accessToken(), "the success after the lock-out cleared the count");
  }

  @Test
  void adminInitiateAuthCountsAndIsLockedOutTooButOnlyForThatUser() {
    String other = username + "-other";
    createConfirmed(other);
    for (int i = 0; i < 3; i++) {
      assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> adminSignIn(username, WRONG));
    }
    wrongPasswords(2);

    assertCognitoError(NotAuthorizedException.class, EXCEEDED, () -> adminSignIn(username, PASSWORD));
    assertNotNull(adminSignIn(other, PASSWORD).accessToken(), "another user is not locked out");
  }

  @Test
  void unknownUsersAreNeverLockedOutWhenUserExistenceErrorsArePrevented() {
    String clientId =
        Pools.client(
                cognito,
                pool.poolId(),
                c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)
                    .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED))
            .clientId();
    for (int i = 0; i < 8; i++) {
      assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> signIn(clientId, "ghost", WRONG));
    }
  }

  @Test
  void concurrentWrongPasswordsAreAllCounted() throws Exception {
    List<Race.Outcome> outcomes = Race.run(20, 20, i -> signIn(WRONG).accessToken());

    long incorrect = outcomes.stream().filter(o -> INCORRECT.equals(o.message())).count();
    long exceeded = outcomes.stream().filter(o -> EXCEEDED.equals(o.message())).count();
    System.out.printf(
        "SignInLockoutIT: 20 concurrent wrong passwords: %d checked and counted, %d refused by the lock-out%n",
        incorrect, exceeded);
    for (Race.Outcome outcome : outcomes) {
      assertTrue(outcome.is("NotAuthorizedException") && outcome.status() == 400, outcome::toString);
    }
    assertEquals(20, incorrect + exceeded, outcomes::toString);
    assertTrue(incorrect >= 5, "the first five are always checked: " + outcomes);

    // The clock stood still, so the lock-out lasts exactly what the number of counted failures earns: had any
    // checked wrong password been lost, it would end sooner.
    Duration earned = Limits.cognito().lockoutFor((int) incorrect);
    clock.advance(earned.minus(MILLI));
    assertExceeded(PASSWORD);
    clock.advance(MILLI);
    assertNotNull(signIn(PASSWORD).accessToken());
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static void createConfirmed(String name) {
    cognito.signUp(r -> r.clientId(pool.clientId()).username(name).password(PASSWORD));
    cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username(name));
  }

  private void wrongPasswords(int count) {
    for (int i = 0; i < count; i++) {
      assertIncorrect(WRONG);
    }
  }

  private void assertIncorrect(String password) {
    assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> signIn(password));
  }

  private void assertExceeded(String password) {
    assertCognitoError(NotAuthorizedException.class, EXCEEDED, () -> signIn(password));
  }

  private AuthenticationResultType signIn(String password) {
    return signIn(pool.clientId(), username, password);
  }

  private static AuthenticationResultType signIn(String clientId, String name, String password) {
    return cognito
        .initiateAuth(
            r -> r.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", password)))
        .authenticationResult();
  }

  private static AuthenticationResultType adminSignIn(String name, String password) {
    return cognito
        .adminInitiateAuth(
            r -> r.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", password)))
        .authenticationResult();
  }
}
