package dev.cognate.it;

import static dev.cognate.support.Pools.appPool;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.support.Race.Outcome;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** Many SignUp calls at once against one in-process emulator: no lost updates, no duplicates, no 500s. */
class ConcurrentSignUpIT {

  private static final int THREADS = 16;

  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();
  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  @Timeout(60)
  void hundredConcurrentSignUpsOfOneUsernameCreateExactlyOneUser() throws Exception {
    Pool pool = appPool(cognito);

    List<Outcome> outcomes =
        runConcurrently(100, i -> signUp(cognito, pool, "alice", "alice@example.com").userSub());

    List<Outcome> successes = outcomes.stream().filter(Outcome::ok).collect(Collectors.toList());
    List<Outcome> duplicates =
        outcomes.stream()
            .filter(o -> "UsernameExistsException".equals(o.errorCode()))
            .collect(Collectors.toList());
    List<Outcome> others =
        outcomes.stream()
            .filter(o -> !o.ok() && !"UsernameExistsException".equals(o.errorCode()))
            .collect(Collectors.toList());

    assertTrue(others.isEmpty(), "unexpected outcomes: " + others);
    assertEquals(1, successes.size(), "exactly one SignUp should win: " + successes);
    assertEquals(99, duplicates.size(), "the rest should be UsernameExistsException");
    for (Outcome duplicate : duplicates) {
      assertEquals(400, duplicate.status(), duplicate.toString());
      assertEquals("User already exists", duplicate.message(), duplicate.toString());
    }

    List<UserType> users = cognito.listUsers(r -> r.userPoolId(pool.poolId())).users();
    assertEquals(1, users.size(), "ListUsers: " + users);
    assertEquals("alice", users.get(0).username());
    String sub = attributes(users.get(0).attributes()).get("sub");
    assertEquals(successes.get(0).value(), sub, "the stored user is the one whose SignUp succeeded");
    // only the winner was sent a code
    assertEquals(1, cognate.outbox().codes(pool.poolId(), "alice").size(), "one code for one user");
  }

  @Test
  @Timeout(60)
  void fiftyConcurrentDistinctSignUpsAllSucceed() throws Exception {
    Pool pool = appPool(cognito);

    List<Outcome> outcomes =
        runConcurrently(50, i -> signUp(cognito, pool, "user" + i, "user" + i + "@example.com").userSub());

    List<Outcome> failures = outcomes.stream().filter(o -> !o.ok()).collect(Collectors.toList());
    assertTrue(failures.isEmpty(), "every distinct SignUp should succeed: " + failures);
    Set<String> subs = outcomes.stream().map(Outcome::value).collect(Collectors.toSet());
    assertEquals(50, subs.size(), "every user gets its own sub");

    List<UserType> users = cognito.listUsers(r -> r.userPoolId(pool.poolId())).users();
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      expected.add("user" + i);
    }
    assertEquals(50, users.size());
    assertEquals(expected, users.stream().map(UserType::username).collect(Collectors.toSet()));
  }

  @Test
  @Timeout(60)
  void concurrentSignUpsOfOneEmailInAnEmailUsernamePoolCreateExactlyOneUser() throws Exception {
    // the stored usernames are fresh UUIDs, so only the e-mail can tell these requests apart
    Pool pool = Pools.emailUsernamePool(cognito);

    List<Outcome> outcomes =
        runConcurrently(
            50,
            i -> cognito.signUp(r -> r.clientId(pool.clientId()).username("bob@example.com").password("Passw0rd!"))
                .userSub());

    assertExactlyOneWinner(outcomes, "An account with the given email already exists.");
    List<UserType> users = cognito.listUsers(r -> r.userPoolId(pool.poolId())).users();
    assertEquals(1, users.size(), "ListUsers: " + users);
    assertEquals(outcomes.stream().filter(Outcome::ok).findFirst().orElseThrow().value(), users.get(0).username());
  }

  @Test
  @Timeout(60)
  void concurrentSignUpsDifferingOnlyInCaseInACaseInsensitivePoolCreateExactlyOneUser() throws Exception {
    Pool pool = Pools.pool(cognito, b -> b.usernameConfiguration(c -> c.caseSensitive(false)), c -> {});
    List<String> spellings = List.of("carol", "Carol", "CAROL", "cArOl", "caROL");

    List<Outcome> outcomes =
        runConcurrently(
            50,
            i -> cognito.signUp(
                    r -> r.clientId(pool.clientId()).username(spellings.get(i % spellings.size())).password("Passw0rd!"))
                .userSub());

    assertExactlyOneWinner(outcomes, "User already exists");
    List<UserType> users = cognito.listUsers(r -> r.userPoolId(pool.poolId())).users();
    assertEquals(1, users.size(), "ListUsers: " + users);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static void assertExactlyOneWinner(List<Outcome> outcomes, String duplicateMessage) {
    List<Outcome> successes = outcomes.stream().filter(Outcome::ok).collect(Collectors.toList());
    List<Outcome> unexpected =
        outcomes.stream()
            .filter(o -> !o.ok())
            .filter(
                o -> !"UsernameExistsException".equals(o.errorCode())
                    || o.status() != 400
                    || !duplicateMessage.equals(o.message()))
            .collect(Collectors.toList());
    assertTrue(unexpected.isEmpty(), "unexpected outcomes: " + unexpected);
    assertEquals(1, successes.size(), "exactly one SignUp should win: " + successes);
  }

  private static List<Outcome> runConcurrently(int count, Race.Call call) throws Exception {
    return Race.run(THREADS, count, call);
  }
}
