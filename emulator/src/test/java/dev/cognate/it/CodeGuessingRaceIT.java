package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.cognate.support.CognitoAssertions.assertCognitoError;

import dev.cognate.Cognate;
import dev.cognate.domain.SentCode;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.support.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Guessing the e-mailed code of a choice-based sign-in (EMAIL_OTP as the first factor), which needs no password: many
 * answers at once to one session are judged no more than five times (CodeMismatchException), the rest find the session
 * used up; and new sessions, each sending a code, are limited per hour as other sent codes are.
 */
class CodeGuessingRaceIT {
  private static final int GUESSES = 40;
  private static final int JUDGED_PER_SESSION = 5;

  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();

  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  void concurrentGuessesAtOneSessionAreJudgedNoMoreThanFiveTimes() throws Exception {
    Pool pool = pool();
    Users.signUpConfirmed(cognito, cognate, pool, "guessed", "Passw0rd!", Users.attr("email", "guessed@example.com"));
    String session = emailOtp(pool, "guessed").session();
    List<SentCode> codes = cognate.outbox().codes(pool.poolId(), "guessed");
    String sent = codes.get(codes.size() - 1).code();

    List<Race.Outcome> outcomes =
        Race.run(
            GUESSES,
            GUESSES,
            i -> {
              Map<String, String> answer = new HashMap<>();
              answer.put("USERNAME", "guessed");
              answer.put("EMAIL_OTP_CODE", String.format("%06d", (Integer.parseInt(sent) + 1 + i) % 1_000_000));
              return cognito
                  .respondToAuthChallenge(
                      r -> r.clientId(pool.clientId())
                          .challengeName(ChallengeNameType.EMAIL_OTP)
                          .session(session)
                          .challengeResponses(answer))
                  .toString();
            });
    long judged = outcomes.stream().filter(o -> o.is("CodeMismatchException")).count();
    long usedUp = outcomes.stream().filter(o -> o.is("NotAuthorizedException")).count();
    System.out.println(
        GUESSES + " wrong codes at once to one session: " + judged + " judged (CodeMismatchException), " + usedUp
            + " found it used up");
    assertEquals(GUESSES, judged + usedUp, outcomes.toString());
    assertTrue(judged <= JUDGED_PER_SESSION, judged + " guesses were judged: " + outcomes);
  }

  @Test
  void emailedSignInCodesAreLimitedPerHourAsOtherSentCodesAre() {
    Pool pool = pool();
    Users.signUpConfirmed(cognito, cognate, pool, "flooded", "Passw0rd!", Users.attr("email", "flooded@example.com"));
    for (int i = 0; i < 5; i++) {
      assertEquals(ChallengeNameType.EMAIL_OTP, emailOtp(pool, "flooded").challengeName());
    }
    assertCognitoError(
        "LimitExceededException",
        "Attempt limit exceeded, please try after some time.",
        () -> emailOtp(pool, "flooded"));
    System.out.println("The sixth EMAIL_OTP first-factor sign-in within an hour answered LimitExceededException");
  }

  private static InitiateAuthResponse emailOtp(Pool pool, String username) {
    return cognito.initiateAuth(
        r -> r.clientId(pool.clientId())
            .authFlow(AuthFlowType.USER_AUTH)
            .authParameters(Map.of("USERNAME", username, "PREFERRED_CHALLENGE", "EMAIL_OTP")));
  }

  private static Pool pool() {
    return Pools.pool(
        cognito,
        b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
            .policies(
                p -> p.passwordPolicy(pp -> pp.minimumLength(6))
                    .signInPolicy(s -> s.allowedFirstAuthFactors(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP))),
        c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }
}
