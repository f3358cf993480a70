package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import dev.cognate.testing.SrpClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * USER_SRP_AUTH, the default sign-in of the front-end libraries, run by the Java SRP client Cognate ships: the
 * PASSWORD_VERIFIER challenge's shape, a right password and a wrong one. Every target runs it, AWS included.
 */
class SrpContractIT extends ContractCase {
  private static final PoolSpec SRP =
      Cases.withFlows(PoolSpec.defaults(), List.of("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"));

  /** The challenge carries the exchange in SECRET_BLOCK and comes without a Session (pycognito answers without one). */
  @Test
  void theVerifierChallengeHasTheSrpParametersAndNoSession(Target target) {
    CognatePool pool = target.pool(SRP);
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    InitiateAuthResponse challenge =
        target
            .cognito()
            .initiateAuth(
                b -> b.clientId(pool.clientId())
                    .authFlow(AuthFlowType.USER_SRP_AUTH)
                    .authParameters(Map.of("USERNAME", username, "SRP_A", new SrpClient(pool.userPoolId()).srpA())));
    assertEquals(ChallengeNameType.PASSWORD_VERIFIER, challenge.challengeName());
    assertEquals(
        Set.of("SALT", "SRP_B", "SECRET_BLOCK", "USER_ID_FOR_SRP", "USERNAME"),
        challenge.challengeParameters().keySet());
    assertNull(challenge.session());
  }

  @Test
  void theRightPasswordSignsInAndAWrongOneIsRefused(Target target) {
    CognatePool pool = target.pool(SRP);
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    assertNotNull(
        SrpClient.signIn(target.cognito(), pool.userPoolId(), pool.clientId(), username, Cases.PASSWORD)
            .authenticationResult()
            .idToken());
    assertCognitoError(
        "NotAuthorizedException",
        "Incorrect username or password.",
        () -> SrpClient.signIn(target.cognito(), pool.userPoolId(), pool.clientId(), username, "Wr0ng-Passw0rd!"));
  }
}
