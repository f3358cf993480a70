package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.Pools.appPool;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.confirmWithLastCode;
import static dev.cognate.support.Users.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.testing.MutableClock;
import dev.cognate.support.Pool;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** AdminGetUser, AdminDeleteUser and ListUsers (filters, pagination) through the real SDK v2 client. */
class UsersIT {

  private static final String UNKNOWN_POOL = "us-east-1_Zz9Yy8Xx7";

  /** A whole second, so that any timestamp precision the emulator keeps gives back exactly this instant. */
  private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static final MutableClock clock = new MutableClock(START);

  @RegisterExtension
  static final EmulatorExtension emulator = EmulatorExtension.start(CognateConfig.forTests().clock(clock));

  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();
  /**
   * A pool shared by the tests that do not list whole pools, each with its own usernames: creating a pool
   * generates its RSA keys, the slowest thing the emulator does.
   */
  private static Pool shared;

  @BeforeAll
  static void createSharedPool() {
    shared = appPool(cognito);
  }

  // ---------------------------------------------------------------------------------------------- AdminGetUser

  @Test
  void adminGetUserReturnsAllFields() {
    Pool pool = shared;
    Instant signUpTime = clock.instant();
    String sub = signUp(cognito, pool, "alice", "alice@example.com").userSub();

    AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("alice"));

    assertEquals("alice", user.username());
    assertEquals(
        Map.of("sub", sub, "email", "alice@example.com", "email_verified", "false"),
        attributes(user.userAttributes()));
    assertEquals(Boolean.TRUE, user.enabled());
    assertEquals(UserStatusType.UNCONFIRMED, user.userStatus());
    assertEquals("UNCONFIRMED", user.userStatusAsString());
    assertNotNull(user.userCreateDate(), "UserCreateDate");
    assertNotNull(user.userLastModifiedDate(), "UserLastModifiedDate");
    assertEquals(signUpTime, user.userCreateDate().truncatedTo(ChronoUnit.SECONDS));
    assertFalse(user.userLastModifiedDate().isBefore(user.userCreateDate()));
  }

  @Test
  void adminGetUserAfterConfirmation() {
    Pool pool = shared;
    signUp(cognito, pool, "bob", "bob@example.com");
    clock.advance(Duration.ofMinutes(5));
    confirmWithLastCode(cognito, cognate, pool, "bob");

    AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("bob"));

    assertEquals(UserStatusType.CONFIRMED, user.userStatus());
    assertEquals("true", attributes(user.userAttributes()).get("email_verified"));
    assertEquals(Boolean.TRUE, user.enabled());
    assertFalse(user.userLastModifiedDate().isBefore(user.userCreateDate()));
  }

  @Test
  void adminGetUserOfUnknownUserOrPool() {
    Pool pool = shared;

    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("ghost")));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + UNKNOWN_POOL + " does not exist.",
        () -> cognito.adminGetUser(r -> r.userPoolId(UNKNOWN_POOL).username("ghost")));
  }

  // ---------------------------------------------------------------------------------------------- AdminDeleteUser

  @Test
  void adminDeleteUserRemovesTheUser() {
    Pool pool = shared;
    signUp(cognito, pool, "carol", "carol@example.com");
    signUp(cognito, pool, "dave", "dave@example.com");

    cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId()).username("carol"));

    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("carol")));
    assertEquals("dave", cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("dave")).username());
    // deleting again is an unknown user
    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId()).username("carol")));
    // the name is free again
    signUp(cognito, pool, "carol", "carol@example.com");
    assertEquals(
        UserStatusType.UNCONFIRMED,
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("carol")).userStatus());
  }

  @Test
  void adminDeleteUnknownUser() {
    Pool pool = shared;

    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId()).username("ghost")));
  }

  // ---------------------------------------------------------------------------------------------- ListUsers

  @Test
  void listUsersWithoutFilterReturnsEveryone() {
    Pool pool = appPool(cognito);
    signUp(cognito, pool, "alice", "alice@example.com");
    signUp(cognito, pool, "bob", "bob@example.com");
    signUp(cognito, pool, "carol", "carol@other.org");

    ListUsersResponse response = cognito.listUsers(r -> r.userPoolId(pool.poolId()));

    assertEquals(Set.of("alice", "bob", "carol"), new HashSet<>(usernames(response.users())));
    assertEquals(3, response.users().size());
    assertNull(response.paginationToken(), "single page should have no PaginationToken");
    UserType alice =
        response.users().stream().filter(u -> u.username().equals("alice")).findFirst().orElseThrow();
    assertEquals(UserStatusType.UNCONFIRMED, alice.userStatus());
    assertEquals(Boolean.TRUE, alice.enabled());
    assertEquals("alice@example.com", attributes(alice.attributes()).get("email"));
    assertNotNull(attributes(alice.attributes()).get("sub"));
    assertNotNull(alice.userCreateDate());
    assertNotNull(alice.userLastModifiedDate());
  }

  @Test
  void listUsersOfEmptyPool() {
    Pool pool = appPool(cognito);
    ListUsersResponse response = cognito.listUsers(r -> r.userPoolId(pool.poolId()));
    assertTrue(response.users().isEmpty());
    assertNull(response.paginationToken());
  }

  @Test
  void listUsersFilters() {
    Pool pool = appPool(cognito);
    String aliceSub = signUp(cognito, pool, "alice", "alice@example.com").userSub();
    signUp(cognito, pool, "bob", "bob@example.com");
    signUp(cognito, pool, "carol", "carol@other.org");
    confirmWithLastCode(cognito, cognate, pool, "bob");

    assertEquals(Set.of("alice"), filter(pool, "username = \"alice\""));
    assertEquals(Set.of(), filter(pool, "username = \"nobody\""));
    assertEquals(Set.of("alice"), filter(pool, "username ^= \"al\""));
    assertEquals(Set.of("bob"), filter(pool, "email = \"bob@example.com\""));
    assertEquals(Set.of("alice"), filter(pool, "email ^= \"alice@\""));
    assertEquals(Set.of("bob"), filter(pool, "email ^= \"b\""));
    assertEquals(Set.of("carol"), filter(pool, "email ^= \"carol\""));
    assertEquals(Set.of("alice"), filter(pool, "sub = \"" + aliceSub + "\""));
    assertEquals(Set.of("alice", "carol"), filter(pool, "cognito:user_status = \"UNCONFIRMED\""));
    assertEquals(Set.of("bob"), filter(pool, "cognito:user_status = \"CONFIRMED\""));
    assertEquals(Set.of("alice", "bob", "carol"), filter(pool, "status = \"Enabled\""));
    assertEquals(Set.of(), filter(pool, "status = \"Disabled\""));
  }

  @Test
  void filterReturnsFullUserRecords() {
    Pool pool = shared;
    String sub = signUp(cognito, pool, "fiona", "fiona@example.com").userSub();
    signUp(cognito, pool, "fiona2", "fiona2@example.com");

    List<UserType> users =
        cognito.listUsers(r -> r.userPoolId(pool.poolId()).filter("email = \"fiona@example.com\"")).users();

    assertEquals(1, users.size(), users.toString());
    assertEquals("fiona", users.get(0).username());
    assertEquals(sub, attributes(users.get(0).attributes()).get("sub"));
    assertEquals(UserStatusType.UNCONFIRMED, users.get(0).userStatus());
  }

  @Test
  void badFilterIsRejected() {
    Pool pool = shared;

    for (String bad : List.of("garbage", "username \"alice\"", "username = alice", "= \"alice\"")) {
      CognitoIdentityProviderException e =
          assertThrows(
              CognitoIdentityProviderException.class,
              () -> cognito.listUsers(r -> r.userPoolId(pool.poolId()).filter(bad)),
              "filter [" + bad + "] should be rejected");
      assertEquals(InvalidParameterException.class.getSimpleName(), e.awsErrorDetails().errorCode(), "filter [" + bad + "]");
      assertEquals("Error while parsing filter.", e.awsErrorDetails().errorMessage(), "filter [" + bad + "]");
      assertEquals(400, e.statusCode());
    }
  }

  @Test
  void paginationWalksEveryUserExactlyOnce() {
    Pool pool = appPool(cognito);
    Set<String> expected = new HashSet<>();
    for (int i = 1; i <= 7; i++) {
      String name = "user" + i;
      signUp(cognito, pool, name, name + "@example.com");
      expected.add(name);
    }

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String current = token;
      ListUsersResponse page =
          cognito.listUsers(r -> r.userPoolId(pool.poolId()).limit(3).paginationToken(current));
      pages++;
      pageSizes.add(page.users().size());
      seen.addAll(usernames(page.users()));
      token = page.paginationToken();
      assertTrue(pages <= 3, "more than 3 pages for 7 users with Limit 3: " + pageSizes);
    } while (token != null);

    assertEquals(List.of(3, 3, 1), pageSizes);
    assertEquals(7, seen.size(), "users seen: " + seen);
    assertEquals(expected, new HashSet<>(seen), "every user exactly once: " + seen);
  }

  @Test
  void paginationCombinesWithFilter() {
    Pool pool = appPool(cognito);
    for (int i = 1; i <= 5; i++) {
      signUp(cognito, pool, "team" + i, "team" + i + "@example.com");
    }
    signUp(cognito, pool, "other", "other@other.org");

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String current = token;
      ListUsersResponse page =
          cognito.listUsers(
              r -> r.userPoolId(pool.poolId()).filter("username ^= \"team\"").limit(2).paginationToken(current));
      pages++;
      assertTrue(page.users().size() <= 2);
      seen.addAll(usernames(page.users()));
      token = page.paginationToken();
      assertTrue(pages <= 4, "too many pages");
    } while (token != null);

    assertEquals(5, seen.size(), seen.toString());
    assertEquals(Set.of("team1", "team2", "team3", "team4", "team5"), new HashSet<>(seen));
  }

  @Test
  void listUsersOfUnknownPool() {
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + UNKNOWN_POOL + " does not exist.",
        () -> cognito.listUsers(r -> r.userPoolId(UNKNOWN_POOL)));
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static Set<String> filter(Pool pool, String filter) {
    return new HashSet<>(
        usernames(cognito.listUsers(r -> r.userPoolId(pool.poolId()).filter(filter)).users()));
  }

  private static List<String> usernames(List<UserType> users) {
    return users.stream().map(UserType::username).collect(Collectors.toList());
  }
}
