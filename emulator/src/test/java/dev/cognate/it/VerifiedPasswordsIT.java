package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.CognateConfig;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.support.Users;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * A right password is remembered after bcrypt checked it once (so that signing the same user in again skips the
 * hash); each test signs in twice with it first, so that the second answer came from memory, and then shows that
 * nothing the remembered password should no longer pass gets through.
 */
class VerifiedPasswordsIT {
  private static final String OLD = "Passw0rd!";
  private static final String NEW = "N3w-passw0rd!";
  private static final String INCORRECT = "Incorrect username or password.";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  // Enough wrong passwords in a row to lock out that the concurrent test's interleaved guesses never do.
  private static final int LOCKOUT_AFTER = 50;

  @RegisterExtension
  static final EmulatorExtension emulator =
      EmulatorExtension.start(CognateConfig.forTests().limits(l -> l.withLockoutAfter(LOCKOUT_AFTER)));

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
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  @BeforeEach
  void rememberedUser() {
    username = "user-" + SEQUENCE.incrementAndGet();
    cognito.signUp(r -> r.clientId(pool.clientId()).username(username).password(OLD));
    cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username(username));
    signIn(OLD);
    signIn(OLD);
  }

  @Test
  void changePasswordRetiresTheRememberedOne() {
    String accessToken = signIn(OLD);
    cognito.changePassword(r -> r.accessToken(accessToken).previousPassword(OLD).proposedPassword(NEW));

    assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> signIn(OLD));
    assertNotNull(signIn(NEW));
    assertCognitoError(
        NotAuthorizedException.class,
        INCORRECT,
        () -> cognito.changePassword(r -> r.accessToken(accessToken).previousPassword(OLD).proposedPassword(NEW)));
  }

  @Test
  void adminSetUserPasswordRetiresTheRememberedOneEvenWhenSetToItselfAndBack() {
    setPassword(NEW);
    assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> signIn(OLD));
    signIn(NEW);
    signIn(NEW);

    setPassword(OLD);
    assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> signIn(NEW));
    assertNotNull(signIn(OLD));
  }

  @Test
  void aRememberedPasswordIsStillLockedOut() {
    for (int i = 0; i < LOCKOUT_AFTER; i++) {
      assertCognitoError(NotAuthorizedException.class, INCORRECT, () -> signIn(OLD + "x"));
    }
    assertCognitoError(NotAuthorizedException.class, "Password attempts exceeded", () -> signIn(OLD));
  }

  @Test
  void aRememberedPasswordDoesNotSignInADisabledUser() {
    cognito.adminDisableUser(r -> r.userPoolId(pool.poolId()).username(username));
    assertCognitoError(NotAuthorizedException.class, "User is disabled.", () -> signIn(OLD));
  }

  @Test
  void noSignInStartedAfterAPasswordChangeAcceptsTheOldPassword() throws Exception {
    AtomicBoolean changed = new AtomicBoolean();
    List<Race.Outcome> outcomes =
        Race.run(
            16,
            400,
            i -> {
              if (i == 100) {
                setPassword(NEW);
                changed.set(true);
                return "changed";
              }
              boolean afterChange = changed.get();
              String password = i % 2 == 0 ? OLD : OLD + "-wrong-" + (i % 3);
              try {
                signIn(password);
              } catch (NotAuthorizedException e) {
                return afterChange ? "refused after" : "refused before";
              }
              return (afterChange ? "accepted after" : "accepted before") + (password.equals(OLD) ? "" : " WRONG");
            });

    long acceptedBefore = outcomes.stream().filter(o -> "accepted before".equals(o.value())).count();
    long refusedAfter = outcomes.stream().filter(o -> "refused after".equals(o.value())).count();
    System.out.printf(
        "VerifiedPasswordsIT: 400 concurrent sign-ins (half with wrong passwords) around a password change: %d"
            + " right ones accepted before it, %d refused after it, none accepted after it%n",
        acceptedBefore, refusedAfter);
    for (Race.Outcome outcome : outcomes) {
      assertTrue(outcome.ok(), outcome::toString);
      assertTrue(!outcome.value().startsWith("accepted after"), outcome::toString);
      assertTrue(!outcome.value().endsWith("WRONG"), outcome::toString);
    }
    assertEquals(1, outcomes.stream().filter(o -> "changed".equals(o.value())).count());
  }

  private void setPassword(String password) {
    cognito.adminSetUserPassword(
        r -> r.userPoolId(pool.poolId()).username(username).password(password).permanent(true));
  }

  private String signIn(String password) {
    return Users.signIn(cognito, pool.clientId(), username, password).accessToken();
  }
}
