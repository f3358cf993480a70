package dev.cognate.it;

import static dev.cognate.support.Users.APP_PASSWORD;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.refresh;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cognate.Cognate;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

/**
 * The clock set into the past after tokens, codes and authenticator secrets were made "later": nothing answers 500,
 * tokens issued in the emulator's future still work, and the emulator's TOTP check agrees with
 * {@code cognate.totp()} at the moved time.
 */
class ClockBackwardsIT {
  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();

  private final Cognate cognate = emulator.cognate();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  void tokensCodesAndAuthenticatorsSurviveAClockSetIntoThePast() {
    Pool pool =
        Pools.appPool(
            cognito,
            c -> c.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
    signUpConfirmed(cognito, cognate, pool, "ann", APP_PASSWORD, attr("email", "ann@example.com"));
    var tokens = signIn(cognito, pool.clientId(), "ann", APP_PASSWORD);
    cognito.forgotPassword(r -> r.clientId(pool.clientId()).username("ann"));
    String code = cognate.outbox().lastCode(pool.poolId(), "ann").orElseThrow();
    String secret = cognito.associateSoftwareToken(r -> r.accessToken(tokens.accessToken())).secretCode();
    assertNotNull(secret);

    Instant now = cognate.clock().instant();
    List<String> outcomes = new ArrayList<>();
    try {
      cognate.clock().set(now.minus(Duration.ofDays(3)));
      outcomes.add(call("GetUser", () -> cognito.getUser(r -> r.accessToken(tokens.accessToken())).username()));
      outcomes.add(call("Refresh", () -> refresh(cognito, pool.clientId(), tokens.refreshToken()).accessToken()));
      outcomes.add(call("VerifySoftwareToken", () -> {
        String totp = cognate.totp(pool.poolId(), "ann");
        return cognito.verifySoftwareToken(r -> r.accessToken(tokens.accessToken()).userCode(totp)).statusAsString();
      }));
      outcomes.add(call("ConfirmForgotPassword", () -> {
        cognito.confirmForgotPassword(
            r -> r.clientId(pool.clientId()).username("ann").confirmationCode(code).password("newpass1"));
        return "confirmed";
      }));
      outcomes.add(call("SignIn", () -> signIn(cognito, pool.clientId(), "ann", "newpass1").accessToken()));
      outcomes.add(call("WrongPasswords", () -> {
        for (int i = 0; i < 6; i++) {
          try {
            signIn(cognito, pool.clientId(), "ann", "wrong-" + i);
          } catch (CognitoIdentityProviderException e) {
            if (e.statusCode() >= 500) {
              throw e;
            }
          }
        }
        return "refused";
      }));
    } finally {
      cognate.clock().set(Instant.now());
    }
    System.out.println("ClockBackwardsIT: clock set 3 days back: " + outcomes);
    assertEquals(
        List.of("GetUser ok", "Refresh ok", "VerifySoftwareToken ok", "ConfirmForgotPassword ok", "SignIn ok",
            "WrongPasswords ok"),
        outcomes.stream().map(o -> o.substring(0, o.indexOf(':'))).toList());
    assertEquals(VerifySoftwareTokenResponseType.SUCCESS.toString(), outcomes.get(2).substring(outcomes.get(2).indexOf(':') + 2));
  }

  private static String call(String name, Supplier<String> work) {
    try {
      String value = work.get();
      return name + " ok: " + (value.length() > 12 ? value.substring(0, 12) : value);
    } catch (CognitoIdentityProviderException e) {
      return name + " " + e.statusCode() + ": " + e.awsErrorDetails().errorCode() + " " + e.awsErrorDetails().errorMessage();
    }
  }
}
