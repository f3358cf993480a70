package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cognate.CognateConfig;
import dev.cognate.TriggerKind;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.testing.SrpClient;
import dev.cognate.support.Users;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * In-process triggers that misbehave as a team's own handlers do in tests: one whose assertion fails (an
 * {@link AssertionError}, not an exception) and a Pre token generation trigger that calls the emulator back to change
 * the user signing in, during an SRP sign-in. Both must answer as Cognito does, never InternalErrorException.
 */
class TriggerFailuresIT {
  private static final String PASSWORD = "secret1";
  private static volatile String poolId;

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      EmulatorExtension.start(
          CognateConfig.forTests()
              .trigger(TriggerKind.DEFINE_AUTH_CHALLENGE, TriggerFailuresIT::failingAssertion)
              .trigger(TriggerKind.PRE_TOKEN_GENERATION, TriggerFailuresIT::recordLastSignIn)
              .trigger(TriggerKind.PRE_SIGN_UP, TriggerFailuresIT::overflowingFor));

  private static final CognitoIdentityProviderClient cognito = EMULATOR.cognito();
  private Pool pool;

  private static Map<String, Object> failingAssertion(Map<String, Object> event) {
    throw new AssertionError("expected 1 but was 2");
  }

  /**
   * A trigger that recurses without end for one user, as one calling the emulator that calls it again would; for
   * others, one missing a class it needs, or one that exhausts the heap.
   */
  private static Map<String, Object> overflowingFor(Map<String, Object> event) {
    switch (String.valueOf(event.get("userName"))) {
      case "recursing" -> throw new StackOverflowError("deep recursion");
      case "unlinked" -> throw new NoClassDefFoundError("com/example/Missing");
      case "exhausting" -> throw new OutOfMemoryError("Java heap space");
      default -> {
        return event;
      }
    }
  }

  /** Writes to the user being signed in, as a trigger keeping a "last sign-in" attribute does. */
  private static Map<String, Object> recordLastSignIn(Map<String, Object> event) {
    String username = (String) event.get("userName");
    cognito.adminUpdateUserAttributes(
        r -> r.userPoolId(poolId).username(username).userAttributes(Users.attr("name", "signed-in")));
    return event;
  }

  @BeforeEach
  void freshPool() {
    pool =
        Pools.appPool(
            cognito,
            c -> c.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
    poolId = pool.poolId();
  }

  @Test
  void aTriggerWhoseAssertionFailsRefusesAsAFailingLambdaDoes() {
    Users.signUpConfirmed(cognito, EMULATOR.cognate(), pool, "asserting", PASSWORD, Users.attr("email", "a@example.com"));
    assertCognitoError(
        "UserLambdaValidationException",
        "DefineAuthChallenge failed with error expected 1 but was 2.",
        () -> cognito.initiateAuth(
            r -> r.clientId(pool.clientId())
                .authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", "asserting"))));
    System.out.println("A Define trigger failing with an AssertionError answered UserLambdaValidationException");
  }

  @Test
  void aTriggerThatOverflowsItsStackRefusesAsAFailingLambdaDoes() {
    assertCognitoError(
        "UserLambdaValidationException",
        "PreSignUp failed with error deep recursion.",
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("recursing")
                .password(PASSWORD)
                .userAttributes(Users.attr("email", "r@example.com"))));
  }

  @Test
  void aTriggerMissingAClassRefusesAsAFailingLambdaDoes() {
    assertCognitoError(
        "UserLambdaValidationException",
        "PreSignUp failed with error com/example/Missing.",
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("unlinked")
                .password(PASSWORD)
                .userAttributes(Users.attr("email", "u@example.com"))));
  }

  /** The JVM running out of memory is the emulator's failure, not the trigger's: an internal error, in the envelope. */
  @Test
  void anErrorOutsideTheTriggersFaultIsAnInternalErrorInTheEnvelope() throws Exception {
    String body =
        "{\"ClientId\":\"" + pool.clientId() + "\",\"Username\":\"exhausting\",\"Password\":\"" + PASSWORD
            + "\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"x@example.com\"}]}";
    HttpResponse<String> response =
        Http.operation(EMULATOR.cognate().endpoint(), "SignUp", body.getBytes(StandardCharsets.UTF_8));
    assertEquals(500, response.statusCode());
    assertEquals(
        "{\"__type\":\"InternalErrorException\",\"message\":\"An internal error occurred.\"}", response.body());
    assertCognitoError(
        "UserNotFoundException",
        "User does not exist.",
        () -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("exhausting")));
  }

  @Test
  void aPreTokenGenerationTriggerMayChangeTheUserDuringAnSrpSignIn() {
    Users.signUpConfirmed(cognito, EMULATOR.cognate(), pool, "srp-user", PASSWORD, Users.attr("email", "s@example.com"));
    SrpClient srp = new SrpClient(pool.poolId());
    InitiateAuthResponse challenge =
        cognito.initiateAuth(
            r -> r.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", "srp-user", "SRP_A", srp.srpA())));
    Map<String, String> answer = new HashMap<>(srp.answer(challenge.challengeParameters(), PASSWORD));
    answer.put("USERNAME", "srp-user");
    AuthenticationResultType tokens =
        cognito
            .respondToAuthChallenge(
                r -> r.clientId(pool.clientId())
                    .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                    .session(challenge.session())
                    .challengeResponses(answer))
            .authenticationResult();
    assertNotNull(tokens);
    assertEquals(
        "signed-in",
        Users.attributes(cognito.adminGetUser(r -> r.userPoolId(poolId).username("srp-user")).userAttributes())
            .get("name"));
    System.out.println("An SRP sign-in whose Pre token generation trigger updated the user signed in");
  }
}
