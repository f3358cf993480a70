package dev.cognate.it;

import static dev.cognate.support.Pools.appPool;
import static dev.cognate.support.Users.APP_PASSWORD;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.domain.CodePurpose;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Race;
import dev.cognate.support.Race.Outcome;
import dev.cognate.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * State changes racing each other through the real SDK: every invariant holds and nothing answers 5xx. Each test
 * prints what it tried and what held.
 */
class WriteRacesIT {
  private static final int THREADS = 16;

  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();
  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  @Timeout(120)
  void confirmationsRacingResendsAreNeverLostNorDoubled() throws Exception {
    Pool pool = appPool(cognito);
    int users = 150;
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      signUp(cognito, pool, "racer" + i, "racer" + i + "@example.com");
      codes.add(cognate.outbox().lastCode(pool.poolId(), "racer" + i).orElseThrow());
    }

    // per user: ConfirmSignUp twice with the right code, and one ResendConfirmationCode
    List<Outcome> outcomes =
        Race.run(
            THREADS,
            users * 3,
            i -> {
              int user = i / 3;
              String username = "racer" + user;
              if (i % 3 == 2) {
                cognito.resendConfirmationCode(r -> r.clientId(pool.clientId()).username(username));
                return "resent";
              }
              cognito.confirmSignUp(
                  r -> r.clientId(pool.clientId()).username(username).confirmationCode(codes.get(user)));
              return "confirmed";
            });

    assertNoServerErrors(outcomes);
    int confirmedUsers = 0;
    for (int user = 0; user < users; user++) {
      List<Outcome> confirms = List.of(outcomes.get(user * 3), outcomes.get(user * 3 + 1));
      long successes = confirms.stream().filter(Outcome::ok).count();
      String username = "racer" + user;
      UserStatusType status =
          cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(username)).userStatus();
      assertTrue(successes <= 1, username + ": a code is consumed once, but " + confirms);
      if (successes == 1) {
        confirmedUsers++;
        assertEquals(UserStatusType.CONFIRMED, status, username + " was confirmed with 200 but ended " + status);
        Outcome loser = confirms.stream().filter(o -> !o.ok()).findFirst().orElseThrow();
        assertTrue(
            loser.is("NotAuthorizedException") || loser.is("CodeMismatchException"), username + ": " + loser);
      } else {
        assertEquals(UserStatusType.UNCONFIRMED, status, username + ": no confirmation succeeded");
      }
      Outcome resend = outcomes.get(user * 3 + 2);
      assertTrue(
          resend.ok() || "User is already confirmed.".equals(resend.message()), username + " resend: " + resend);
    }
    System.out.printf(
        "WriteRacesIT: %d users x (2 ConfirmSignUp + 1 ResendConfirmationCode): %d confirmed once, %d left"
            + " unconfirmed by a resend that replaced the code, 0 doubled, 0 lost, 0 5xx%n",
        users, confirmedUsers, users - confirmedUsers);
  }

  @Test
  @Timeout(60)
  void fiftyConfirmationsWithOneCodeConsumeItExactlyOnce() throws Exception {
    Pool pool = appPool(cognito);
    signUp(cognito, pool, "once", "once@example.com");
    String code = cognate.outbox().lastCode(pool.poolId(), "once").orElseThrow();

    List<Outcome> outcomes =
        Race.run(
            THREADS,
            50,
            i -> {
              cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username("once").confirmationCode(code));
              return "confirmed";
            });

    assertNoServerErrors(outcomes);
    assertEquals(1, outcomes.stream().filter(Outcome::ok).count(), "one code, one success: " + outcomes);
    for (Outcome loser : outcomes.stream().filter(o -> !o.ok()).toList()) {
      assertEquals("NotAuthorizedException", loser.errorCode(), loser.toString());
      assertEquals("User cannot be confirmed. Current status is CONFIRMED", loser.message());
    }
    System.out.println("WriteRacesIT: 50 concurrent ConfirmSignUp with one code: 1 success, 49 refused");
  }

  @Test
  @Timeout(60)
  void twoHundredSignUpsOverTwentyUsernamesCreateTwentyUsersWithOneCodeEach() throws Exception {
    Pool pool = appPool(cognito);

    List<Outcome> outcomes =
        Race.run(THREADS, 200, i -> signUp(cognito, pool, "name" + (i % 20), "name" + (i % 20) + "@example.com").userSub());

    assertNoServerErrors(outcomes);
    assertEquals(20, outcomes.stream().filter(Outcome::ok).count(), "one winner per username");
    assertTrue(
        outcomes.stream().filter(o -> !o.ok()).allMatch(o -> o.is("UsernameExistsException")), outcomes.toString());
    assertEquals(20, cognito.listUsers(r -> r.userPoolId(pool.poolId())).users().size());
    for (int n = 0; n < 20; n++) {
      var sent = cognate.outbox().codes(pool.poolId(), "name" + n);
      assertEquals(1, sent.size(), "name" + n + " was sent exactly one code: " + sent);
      assertEquals(CodePurpose.SIGN_UP, sent.get(0).purpose());
    }
    System.out.println("WriteRacesIT: 200 SignUp over 20 usernames: 20 users, 180 UsernameExistsException, 20 codes");
  }

  @Test
  @Timeout(120)
  void signInsRacingDeletesAndRevocationsLeaveNoLiveSession() throws Exception {
    Pool pool = signInPool();
    int users = 30;
    List<AuthenticationResultType> before = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      String username = "gone" + i;
      Users.signUpConfirmed(cognito, cognate, pool, username, APP_PASSWORD, Users.attr("email", username + "@example.com"));
      before.add(signIn(cognito, pool.clientId(), username, APP_PASSWORD));
    }

    // per user: three sign-ins, one RevokeToken of an earlier session, one AdminDeleteUser
    Map<Integer, AuthenticationResultType> racedIn = new java.util.concurrent.ConcurrentHashMap<>();
    List<Outcome> outcomes =
        Race.run(
            THREADS,
            users * 5,
            i -> {
              int user = i / 5;
              String username = "gone" + user;
              switch (i % 5) {
                case 3 -> cognito.revokeToken(
                    r -> r.clientId(pool.clientId()).token(before.get(user).refreshToken()));
                case 4 -> cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId()).username(username));
                default -> racedIn.put(i, signIn(cognito, pool.clientId(), username, APP_PASSWORD));
              }
              return "done";
            });

    assertNoServerErrors(outcomes);
    assertOnly(outcomes, o -> o.ok() || o.is("UserNotFoundException"));
    List<AuthenticationResultType> sessions = new ArrayList<>(before);
    sessions.addAll(racedIn.values());
    for (AuthenticationResultType session : sessions) {
      Outcome refreshed = Race.outcomeOf(() -> Users.refresh(cognito, pool.clientId(), session.refreshToken()).idToken());
      assertTrue(refreshed.is("NotAuthorizedException"), "a deleted user's session refreshed: " + refreshed);
      Outcome read = Race.outcomeOf(() -> cognito.getUser(r -> r.accessToken(session.accessToken())).username());
      assertTrue(read.is("NotAuthorizedException") || read.is("UserNotFoundException"), "GetUser: " + read);
    }
    System.out.printf(
        "WriteRacesIT: %d users x (3 sign-ins + RevokeToken + AdminDeleteUser): %d sign-ins won the race, every"
            + " one of %d sessions refused afterwards, 0 5xx%n",
        users, racedIn.size(), sessions.size());
  }

  @Test
  @Timeout(120)
  void deletingAPoolWhileItIsUsedAnswersResourceNotFoundNotServerErrors() throws Exception {
    Map<String, Long> tally = new TreeMap<>();
    for (int round = 0; round < 5; round++) {
      Pool pool = signInPool();
      for (int i = 0; i < 5; i++) {
        Users.signUpConfirmed(cognito, cognate, pool, "user" + i, APP_PASSWORD, Users.attr("email", "u" + i + "@example.com"));
      }
      int calls = 61;
      List<Outcome> outcomes =
          Race.run(
              THREADS,
              calls,
              i -> {
                if (i == calls / 2) {
                  cognito.deleteUserPool(r -> r.userPoolId(pool.poolId()));
                } else if (i % 2 == 0) {
                  signUp(cognito, pool, "new" + i, "new" + i + "@example.com");
                } else {
                  signIn(cognito, pool.clientId(), "user" + (i % 5), APP_PASSWORD);
                }
                return "done";
              });
      assertNoServerErrors(outcomes);
      assertOnly(outcomes, o -> o.ok() || o.is("ResourceNotFoundException"));
      outcomes.forEach(o -> tally.merge(o.ok() ? "OK" : o.errorCode(), 1L, Long::sum));
    }
    System.out.println("WriteRacesIT: 5 pools deleted under SignUp and InitiateAuth: " + tally);
  }

  /** Invites a user with a temporary password and returns the NEW_PASSWORD_REQUIRED session their sign-in opens. */
  private static String invitedAndSignedIn(Pool pool, String username) {
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId())
            .username(username)
            .userAttributes(Users.attr("email", username + "@example.com"))
            .temporaryPassword(APP_PASSWORD)
            .messageAction(MessageActionType.SUPPRESS));
    return cognito
        .initiateAuth(
            r -> r.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", APP_PASSWORD)))
        .session();
  }

  @Test
  @Timeout(120)
  void answersToChallengesRacingTheirPoolsDeletionAnswerAsIfInSomeOrder() throws Exception {
    Map<String, Long> tally = new TreeMap<>();
    int rounds = 20;
    int users = 4;
    for (int round = 0; round < rounds; round++) {
      Pool pool = signInPool();
      List<String> sessions = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        sessions.add(invitedAndSignedIn(pool, "invitee" + i));
      }
      List<Outcome> outcomes =
          Race.run(
              THREADS,
              users + 1,
              i -> {
                if (i == users / 2) {
                  cognito.deleteUserPool(r -> r.userPoolId(pool.poolId()));
                  return "deleted";
                }
                int user = i < users / 2 ? i : i - 1;
                cognito.respondToAuthChallenge(
                    r -> r.clientId(pool.clientId())
                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                        .session(sessions.get(user))
                        .challengeResponses(Map.of("USERNAME", "invitee" + user, "NEW_PASSWORD", "Ch0sen-pass!")));
                return "answered";
              });
      assertNoServerErrors(outcomes);
      // Answered before the deletion: tokens; after: the client is gone (or, read just before, its session is).
      assertOnly(
          outcomes, o -> o.ok() || o.is("ResourceNotFoundException") || o.is("NotAuthorizedException"));
      outcomes.forEach(o -> tally.merge(o.ok() ? o.value() : o.errorCode(), 1L, Long::sum));
    }
    System.out.println(
        "WriteRacesIT: " + rounds + " pools deleted under " + users + " NEW_PASSWORD_REQUIRED answers each: " + tally);
  }

  @Test
  @Timeout(120)
  void answersToChallengesRacingTheirUsersDeletionAnswerAsIfInSomeOrder() throws Exception {
    Map<String, Long> tally = new TreeMap<>();
    int rounds = 10;
    int users = 6;
    Pool pool = signInPool();
    for (int round = 0; round < rounds; round++) {
      List<String> names = new ArrayList<>();
      List<String> sessions = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        String username = "deleted" + round + "-" + i;
        names.add(username);
        sessions.add(invitedAndSignedIn(pool, username));
      }
      List<Outcome> answers =
          Race.run(
              THREADS,
              2 * users,
              i -> {
                String username = names.get(i / 2);
                if (i % 2 == 1) {
                  cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId()).username(username));
                  return "deleted";
                }
                cognito.respondToAuthChallenge(
                    r -> r.clientId(pool.clientId())
                        .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                        .session(sessions.get(i / 2))
                        .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", "Ch0sen-pass!")));
                return "answered";
              });
      assertNoServerErrors(answers);
      // Answered first: tokens; deleted first: the session went with the user.
      assertOnly(
          answers,
          o -> o.ok() || (o.is("NotAuthorizedException") && o.message().equals("Invalid session for the user.")));
      answers.forEach(o -> tally.merge(o.ok() ? o.value() : o.errorCode(), 1L, Long::sum));
    }
    System.out.println(
        "WriteRacesIT: " + rounds * users + " NEW_PASSWORD_REQUIRED answers raced their user's deletion: " + tally);
  }

  private static Pool signInPool() {
    return appPool(
        cognito,
        c -> c.explicitAuthFlows(
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  private static void assertNoServerErrors(List<Outcome> outcomes) {
    List<Outcome> failures = outcomes.stream().filter(Outcome::serverError).collect(Collectors.toList());
    assertTrue(failures.isEmpty(), "server errors: " + failures);
  }

  private static void assertOnly(List<Outcome> outcomes, Predicate<Outcome> allowed) {
    Set<String> unexpected =
        outcomes.stream().filter(allowed.negate()).map(Outcome::toString).collect(Collectors.toSet());
    assertTrue(unexpected.isEmpty(), "unexpected outcomes: " + unexpected);
  }
}
