package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.Pools.appPool;
import static dev.cognate.support.Users.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Race;
import dev.cognate.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Cognito's limits on codes, at their default values: five wrong guesses per code, five codes sent per user and
 * hour, fifteen ConfirmSignUp attempts per user and hour. Time moves on the emulator's clock.
 */
class CodeLimitsIT {
  private static final String MISMATCH = "Invalid verification code provided, please try again.";
  private static final String LIMIT = "Attempt limit exceeded, please try after some time.";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private static final MutableClock clock = MutableClock.startingNow();

  @RegisterExtension
  static final EmulatorExtension emulator = EmulatorExtension.start(CognateConfig.forTests().clock(clock));

  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();
  private static Pool pool;

  private String username;

  @BeforeAll
  static void createPool() {
    pool = appPool(cognito);
  }

  @BeforeEach
  void signedUp() {
    username = "user-" + SEQUENCE.incrementAndGet();
    signUp(cognito, pool, username, username + "@example.com");
  }

  // ---------------------------------------------------------------------------------------------- wrong codes

  @Test
  void afterFiveWrongCodesEvenTheRightOneIsRefusedUntilANewCodeIsSent() {
    String code = lastCode();
    wrongCodes(5);

    assertCognitoError(LimitExceededException.class, LIMIT, () -> confirm(code));
    assertEquals(UserStatusType.UNCONFIRMED, status());

    resend();
    confirm(lastCode());
    assertEquals(UserStatusType.CONFIRMED, status());
  }

  @Test
  void concurrentWrongCodesAreAllCounted() throws Exception {
    String code = lastCode();
    String wrong = wrongCode(code);

    List<Race.Outcome> outcomes = Race.run(20, 20, i -> confirmAnswer(wrong));

    long mismatches = outcomes.stream().filter(o -> o.is("CodeMismatchException")).count();
    long limited = outcomes.stream().filter(o -> o.is("LimitExceededException") && LIMIT.equals(o.message())).count();
    System.out.printf(
        "CodeLimitsIT: 20 concurrent wrong codes: %d mismatches, %d refused by the limit%n", mismatches, limited);
    assertEquals(5, mismatches, outcomes::toString);
    assertEquals(15, limited, outcomes::toString);
    assertCognitoError(LimitExceededException.class, LIMIT, () -> confirm(code));
  }

  @Test
  void fifteenConfirmSignUpAttemptsAnHour() {
    for (int code = 0; code < 3; code++) {
      wrongCodes(5);
      resend();
    }
    String code = lastCode();
    assertCognitoError(LimitExceededException.class, LIMIT, () -> confirm(code));

    clock.advance(Duration.ofHours(1).plusMillis(1));
    confirm(code);
    assertEquals(UserStatusType.CONFIRMED, status());
  }

  // ---------------------------------------------------------------------------------------------- resends

  @Test
  void fiveCodesAnHourCountingTheSignUpCode() {
    for (int i = 0; i < 4; i++) {
      resend();
    }
    assertCognitoError(LimitExceededException.class, LIMIT, this::resend);
    assertEquals(5, cognate.outbox().codes(pool.poolId(), username).size(), "the refused resend sent nothing");

    clock.advance(Duration.ofHours(1).plusMillis(1));
    resend();
    assertEquals(6, cognate.outbox().codes(pool.poolId(), username).size());
    confirm(lastCode());
  }

  @Test
  void aRefusedResendKeepsTheCodeBeforeIt() {
    for (int i = 0; i < 4; i++) {
      resend();
    }
    String kept = lastCode();
    assertCognitoError(LimitExceededException.class, LIMIT, this::resend);
    confirm(kept);
    assertEquals(UserStatusType.CONFIRMED, status());
  }

  @Test
  void concurrentResendsCannotPassTheLimit() throws Exception {
    List<Race.Outcome> outcomes =
        Race.run(
            20,
            20,
            i -> cognito
                .resendConfirmationCode(r -> r.clientId(pool.clientId()).username(username))
                .codeDeliveryDetails()
                .destination());

    long sent = outcomes.stream().filter(Race.Outcome::ok).count();
    long limited = outcomes.stream().filter(o -> o.is("LimitExceededException") && LIMIT.equals(o.message())).count();
    System.out.printf("CodeLimitsIT: 20 concurrent resends: %d sent, %d refused by the limit%n", sent, limited);
    assertEquals(4, sent, outcomes::toString);
    assertEquals(16, limited, outcomes::toString);
    assertEquals(5, cognate.outbox().codes(pool.poolId(), username).size());
  }

  @Test
  void codesOfADeletedUserDoNotCountForANewUserOfTheSameName() {
    for (int i = 0; i < 4; i++) {
      resend();
    }
    cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId()).username(username));
    // The outbox dates codes, not the user they went to: the new user counts the codes sent since it was created.
    clock.advance(Duration.ofSeconds(1));
    signUp(cognito, pool, username, username + "@example.com");

    resend();
    confirm(lastCode());
    assertEquals(UserStatusType.CONFIRMED, status());
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private void wrongCodes(int count) {
    String wrong = wrongCode(lastCode());
    for (int i = 0; i < count; i++) {
      assertCognitoError(CodeMismatchException.class, MISMATCH, () -> confirm(wrong));
    }
  }

  private static String wrongCode(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  private String lastCode() {
    return cognate.outbox().lastCode(pool.poolId(), username).orElseThrow();
  }

  private void resend() {
    cognito.resendConfirmationCode(r -> r.clientId(pool.clientId()).username(username));
  }

  private void confirm(String code) {
    cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username(username).confirmationCode(code));
  }

  private String confirmAnswer(String code) {
    confirm(code);
    return "confirmed";
  }

  private UserStatusType status() {
    return cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(username)).userStatus();
  }
}
