package dev.cognate.it;

import static dev.cognate.support.Users.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.TestEmulator;
import dev.cognate.testing.SrpClient;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * The values {@code DeterminismIT} does not follow, under a seed: a forgotten-password code, an authenticator
 * secret, an SRP salt and server public value, an admin-created user's temporary password, a refresh token and the
 * client secret; same seed, same values, another seed, other values.
 */
class SeededValuesIT {
  private static final String PASSWORD = "Passw0rd!";

  @Test
  void theSameSeedRepeatsCodesSecretsAndSrpValues() throws Exception {
    List<String> first = run(CognateConfig.forTests().randomSeed(7));
    List<String> second = run(CognateConfig.forTests().randomSeed(7));
    List<String> other = run(CognateConfig.forTests().randomSeed(8));
    assertEquals(first, second);
    for (int i = 0; i < first.size(); i++) {
      assertNotEquals(first.get(i), other.get(i), "value " + i + " under another seed");
    }
    System.out.println("SeededValuesIT: " + first.size() + " values repeated under seed 7, all differed under seed 8");
  }

  private static List<String> run(CognateConfig.Builder config) throws Exception {
    List<String> values = new ArrayList<>();
    try (Cognate cognate = TestEmulator.start(config);
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool pool =
          Pools.pool(
              cognito,
              p -> {},
              c -> c.generateSecret(false).explicitAuthFlows(
                  ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                  ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
      String secretClient =
          cognito.createUserPoolClient(r -> r.userPoolId(pool.poolId()).clientName("s").generateSecret(true))
              .userPoolClient().clientSecret();
      values.add(secretClient);
      cognito.adminCreateUser(
          r -> r.userPoolId(pool.poolId()).username("ann").userAttributes(attr("email", "ann@example.com"),
              attr("email_verified", "true")));
      values.add(cognate.outbox().lastCode(pool.poolId(), "ann").orElseThrow());
      cognito.adminSetUserPassword(r -> r.userPoolId(pool.poolId()).username("ann").password(PASSWORD).permanent(true));

      cognito.forgotPassword(r -> r.clientId(pool.clientId()).username("ann"));
      values.add(cognate.outbox().lastCode(pool.poolId(), "ann").orElseThrow());

      var tokens =
          cognito.adminInitiateAuth(
                  r -> r.userPoolId(pool.poolId()).clientId(pool.clientId())
                      .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                      .authParameters(Map.of("USERNAME", "ann", "PASSWORD", PASSWORD)))
              .authenticationResult();
      values.add(tokens.refreshToken());
      values.add(cognito.associateSoftwareToken(r -> r.accessToken(tokens.accessToken())).secretCode());

      SrpClient srp = new SrpClient(pool.poolId(), BigInteger.valueOf(123456789));
      Map<String, String> challenge =
          cognito.initiateAuth(
                  r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_SRP_AUTH)
                      .authParameters(Map.of("USERNAME", "ann", "SRP_A", srp.srpA())))
              .challengeParameters();
      values.add(challenge.get("SALT"));
      values.add(challenge.get("SRP_B"));
      values.add(challenge.get("SECRET_BLOCK"));
    }
    assertTrue(values.stream().allMatch(v -> v != null && !v.isEmpty()), values.toString());
    return values;
  }
}
