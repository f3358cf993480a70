package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;

import dev.cognate.CognateConfig;
import dev.cognate.TriggerKind;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Users;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * In-process triggers that misbehave as a team's own handlers do in tests: one whose assertion fails (an
 * {@link AssertionError}, not an exception) must answer as a failing Lambda does, never InternalErrorException.
 */
class TriggerFailuresIT {
  private static final String PASSWORD = "secret1";

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      EmulatorExtension.start(
          CognateConfig.forTests()
              .trigger(TriggerKind.DEFINE_AUTH_CHALLENGE, TriggerFailuresIT::failingAssertion));

  private static final CognitoIdentityProviderClient cognito = EMULATOR.cognito();
  private Pool pool;

  private static Map<String, Object> failingAssertion(Map<String, Object> event) {
    throw new AssertionError("expected 1 but was 2");
  }

  @BeforeEach
  void freshPool() {
    pool =
        Pools.appPool(
            cognito,
            c -> c.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
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
}
