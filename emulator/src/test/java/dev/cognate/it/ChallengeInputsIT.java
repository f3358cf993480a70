package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.testing.SrpClient;
import dev.cognate.support.Users;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;

/**
 * Malformed answers to sign-in challenges, sent as raw JSON: wrong types, values that are not Base64 or hex, overlong
 * values, missing members. Every one must be answered as a client error, never a 500.
 */
class ChallengeInputsIT {
  private static final String PASSWORD = "Passw0rd!";

  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();

  private static final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  void malformedChallengeAnswersAreClientErrors() throws Exception {
    Pool pool =
        Pools.pool(
            cognito,
            p -> {},
            c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_USER_AUTH)
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));
    Users.signUp(cognito, pool.clientId(), "alice", PASSWORD);
    cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("alice"));
    String block =
        cognito
            .initiateAuth(
                r -> r.clientId(pool.clientId())
                    .authFlow(AuthFlowType.USER_SRP_AUTH)
                    .authParameters(Map.of("USERNAME", "alice", "SRP_A", new SrpClient(pool.poolId()).srpA())))
            .challengeParameters()
            .get("SECRET_BLOCK");
    String session = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(block));
    String big = Base64.getEncoder().encodeToString(new byte[300_000]);
    String c = pool.clientId();
    List<String> bodies =
        List.of(
            verifier(c, "\"USERNAME\":\"alice\",\"PASSWORD_CLAIM_SECRET_BLOCK\":\"!!!not base64\""),
            verifier(c, "\"USERNAME\":\"alice\",\"PASSWORD_CLAIM_SECRET_BLOCK\":\"" + big + "\""),
            verifier(c, "\"USERNAME\":\"alice\",\"PASSWORD_CLAIM_SECRET_BLOCK\":\"" + block
                + "\",\"PASSWORD_CLAIM_SIGNATURE\":\"%%%\",\"TIMESTAMP\":\"\u0000\u2603\""),
            verifier(c, "\"USERNAME\":\"alice\",\"PASSWORD_CLAIM_SECRET_BLOCK\":\"" + block
                + "\",\"PASSWORD_CLAIM_SIGNATURE\":\"" + big + "\",\"TIMESTAMP\":\"Mon Nov 30 8:00:00 UTC 2026\""),
            verifier(c, "\"USERNAME\":null,\"PASSWORD_CLAIM_SECRET_BLOCK\":\"" + block + "\""),
            verifier(c, "\"USERNAME\":\"" + "a".repeat(100_000) + "\",\"PASSWORD_CLAIM_SECRET_BLOCK\":\"" + block + "\""),
            verifier(c, "\"USERNAME\":[\"alice\"],\"PASSWORD_CLAIM_SECRET_BLOCK\":\"" + block + "\""),
            "{\"ClientId\":\"" + c + "\",\"ChallengeName\":\"PASSWORD_VERIFIER\",\"ChallengeResponses\":[1,2]}",
            "{\"ClientId\":\"" + c + "\",\"ChallengeName\":\"PASSWORD_VERIFIER\",\"ChallengeResponses\":\"x\"}",
            "{\"ClientId\":\"" + c + "\",\"ChallengeName\":\"PASSWORD_VERIFIER\",\"Session\":12,"
                + "\"ChallengeResponses\":{\"USERNAME\":\"alice\"}}",
            "{\"ClientId\":\"" + c + "\",\"ChallengeName\":\"PASSWORD_VERIFIER\",\"Session\":\"" + session
                + "\",\"ChallengeResponses\":{\"USERNAME\":\"alice\",\"PASSWORD_CLAIM_SECRET_BLOCK\":\"" + block
                + "\",\"PASSWORD_CLAIM_SIGNATURE\":\"AAAA\",\"TIMESTAMP\":\"x\",\"SECRET_HASH\":{}}}",
            "{\"ClientId\":\"" + c + "\",\"ChallengeName\":\"password_verifier\","
                + "\"ChallengeResponses\":{\"USERNAME\":\"alice\"}}",
            "{\"ClientId\":\"" + c + "\",\"ChallengeName\":\"SELECT_CHALLENGE\",\"Session\":\"" + "x".repeat(2048)
                + "\",\"ChallengeResponses\":{\"USERNAME\":\"alice\",\"ANSWER\":\"PASSWORD\"}}",
            "{\"ClientId\":\"" + c + "\",\"ChallengeName\":\"MFA_SETUP\",\"Session\":\"\","
                + "\"ChallengeResponses\":{\"USERNAME\":\"alice\"}}");
    List<String> failures = new ArrayList<>();
    for (String body : bodies) {
      HttpResponse<String> response =
          Http.operation(emulator.cognate().endpoint(), "RespondToAuthChallenge", body.getBytes(StandardCharsets.UTF_8));
      String shown = body.length() > 160 ? body.substring(0, 160) + "..." : body;
      System.out.println(response.statusCode() + " " + response.body() + " <- " + shown);
      if (response.statusCode() >= 500 || !response.body().contains("__type")) {
        failures.add(response.statusCode() + " " + response.body() + " <- " + shown);
      }
    }
    List<String> initiations =
        List.of("-1", "", " ff", "ff\n", "0x10", "+ff", "\u0661\u0662", "f".repeat(1024));
    for (String srpA : initiations) {
      String body =
          "{\"ClientId\":\"" + c + "\",\"AuthFlow\":\"USER_SRP_AUTH\",\"AuthParameters\":{\"USERNAME\":\"alice\","
              + "\"SRP_A\":\"" + srpA.replace("\n", "\\n") + "\"}}";
      HttpResponse<String> response =
          Http.operation(emulator.cognate().endpoint(), "InitiateAuth", body.getBytes(StandardCharsets.UTF_8));
      String shown = response.body().length() > 120 ? response.body().substring(0, 120) : response.body();
      System.out.println(response.statusCode() + " " + shown + " <- SRP_A " + srpA.length() + " chars");
      if (response.statusCode() >= 500) {
        failures.add(response.statusCode() + " " + shown + " <- SRP_A " + srpA);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static String verifier(String clientId, String responses) {
    return "{\"ClientId\":\"" + clientId + "\",\"ChallengeName\":\"PASSWORD_VERIFIER\",\"ChallengeResponses\":{"
        + responses + "}}";
  }
}
