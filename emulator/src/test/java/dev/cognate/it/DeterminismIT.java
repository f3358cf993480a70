package dev.cognate.it;

import static dev.cognate.support.Users.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.TestEmulator;
import dev.cognate.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * {@code randomSeed}: two emulators with the same seed, given the same requests one after another, make up the same
 * ids, secrets, subs, codes, temporary passwords, session strings, refresh tokens and token ids; another seed, or
 * none, gives others.
 */
class DeterminismIT {

  @Test
  void theSameSeedRepeatsEveryGeneratedValue() throws Exception {
    List<String> first = run(CognateConfig.forTests().randomSeed(42));
    List<String> second = run(CognateConfig.forTests().randomSeed(42));
    assertEquals(first, second);
    System.out.println("DeterminismIT: seed 42 twice gave the same " + first.size() + " generated values");
  }

  @Test
  void withAFixedStartTheWholeExportedStateRepeats() throws Exception {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    String first = exportAfterRun(CognateConfig.forTests().randomSeed(9).clock(new MutableClock(start)));
    String second = exportAfterRun(CognateConfig.forTests().randomSeed(9).clock(new MutableClock(start)));
    assertEquals(first, second);
    System.out.println("DeterminismIT: seed 9 and a fixed clock twice gave the same " + first.length()
        + "-character export (password hashes, sessions and outbox included)");
  }

  @Test
  void anotherSeedOrNoneGivesOtherValues() throws Exception {
    List<String> seeded = run(CognateConfig.forTests().randomSeed(42));
    List<String> otherSeed = run(CognateConfig.forTests().randomSeed(43));
    List<String> unseeded = run(CognateConfig.forTests());
    for (int i = 0; i < seeded.size(); i++) {
      assertNotEquals(seeded.get(i), otherSeed.get(i), "value " + i);
      assertNotEquals(seeded.get(i), unseeded.get(i), "value " + i);
    }
  }

  @Test
  void aFixedCodeWinsOverTheSeed() throws Exception {
    List<String> values = run(CognateConfig.forTests().randomSeed(42).fixedCode("123456"));
    // The sign-up code and the resent one.
    assertEquals("123456", values.get(4));
    assertEquals("123456", values.get(5));
  }

  /**
   * Creates a pool and a client with a secret, signs a user up, resends the code, confirms, signs in, and invites a
   * user who then answers NEW_PASSWORD_REQUIRED; returns every value the emulator made up along the way.
   */
  private static List<String> run(CognateConfig.Builder config) throws Exception {
    try (Cognate cognate = TestEmulator.start(config)) {
      return run(cognate);
    }
  }

  private static String exportAfterRun(CognateConfig.Builder config) throws Exception {
    try (Cognate cognate = TestEmulator.start(config)) {
      run(cognate);
      return cognate.exportState();
    }
  }

  private static List<String> run(Cognate cognate) throws Exception {
    List<String> values = new ArrayList<>();
    try (CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String poolId =
          cognito
              .createUserPool(r -> r.poolName("seeded").autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
              .userPool()
              .id();
      UserPoolClientType client =
          cognito
              .createUserPoolClient(
                  r -> r.userPoolId(poolId)
                      .clientName("web")
                      .generateSecret(true)
                      .explicitAuthFlows(
                          ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                          ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
              .userPoolClient();
      String plainClient =
          cognito
              .createUserPoolClient(
                  r -> r.userPoolId(poolId)
                      .clientName("plain")
                      .explicitAuthFlows(
                          ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                          ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
              .userPoolClient()
              .clientId();
      values.add(poolId);
      values.add(client.clientId());
      values.add(client.clientSecret());

      String sub =
          cognito
              .signUp(
                  r -> r.clientId(plainClient)
                      .username("ann")
                      .password("Passw0rd!")
                      .userAttributes(attr("email", "ann@example.com")))
              .userSub();
      values.add(sub);
      values.add(cognate.outbox().lastCode(poolId, "ann").orElseThrow());
      cognito.resendConfirmationCode(r -> r.clientId(plainClient).username("ann"));
      String resent = cognate.outbox().lastCode(poolId, "ann").orElseThrow();
      values.add(resent);
      cognito.confirmSignUp(r -> r.clientId(plainClient).username("ann").confirmationCode(resent));
      AuthenticationResultType tokens =
          cognito
              .adminInitiateAuth(
                  r -> r.userPoolId(poolId)
                      .clientId(plainClient)
                      .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                      .authParameters(Map.of("USERNAME", "ann", "PASSWORD", "Passw0rd!")))
              .authenticationResult();
      values.add(tokens.refreshToken());
      for (String token : new String[] {tokens.accessToken(), tokens.idToken()}) {
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        values.add(claims.getJWTID());
        values.add((String) claims.getClaim("event_id"));
        values.add((String) claims.getClaim("origin_jti"));
      }

      String invitedSub =
          cognito
              .adminCreateUser(r -> r.userPoolId(poolId).username("bo").userAttributes(attr("email", "bo@example.com")))
              .user()
              .attributes()
              .stream()
              .filter(a -> a.name().equals("sub"))
              .findFirst()
              .orElseThrow()
              .value();
      values.add(invitedSub);
      String temporary = cognate.outbox().lastCode(poolId, "bo").orElseThrow();
      values.add(temporary);
      var challenge =
          cognito.adminInitiateAuth(
              r -> r.userPoolId(poolId)
                  .clientId(plainClient)
                  .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                  .authParameters(Map.of("USERNAME", "bo", "PASSWORD", temporary)));
      assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());
      values.add(challenge.session());
    }
    assertTrue(values.stream().allMatch(v -> v != null && !v.isEmpty()), values.toString());
    return values;
  }
}
