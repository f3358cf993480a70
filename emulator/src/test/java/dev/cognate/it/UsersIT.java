package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.MutableClock;
import dev.cognate.support.TestEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** AdminGetUser, AdminDeleteUser and ListUsers (filters, pagination) through the real SDK v2 client. */
class UsersIT {

  private static final String UNKNOWN_POOL = "us-east-1_Zz9Yy8Xx7";

  /** A whole second, so that any timestamp precision the emulator keeps gives back exactly this instant. */
  private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static MutableClock clock;
  private static Cognate cognate;
  private static CognitoIdentityProviderClient cognito;
  /**
   * A pool shared by the tests that do not list whole pools, each with its own usernames: creating a pool
   * generates its RSA keys, the slowest thing the emulator does.
   */
  private static Pool shared;

  @BeforeAll
  static void start() {
    clock = new MutableClock(START);
    cognate = TestEmulator.start(CognateConfig.forTests().clock(clock));
    cognito = TestEmulator.client(cognate);
    shared = appPool();
  }

  @AfterAll
  static void stop() {
    if (cognito != null) {
      cognito.close();
    }
    if (cognate != null) {
      cognate.close();
    }
  }

  // ---------------------------------------------------------------------------------------------- AdminGetUser

  @Test
  void adminGetUserReturnsAllFields() {
    Pool pool = shared;
    Instant signUpTime = clock.instant();
    String sub = signUp(pool, "alice", "alice@example.com");

    AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool.poolId).username("alice"));

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
    signUp(pool, "bob", "bob@example.com");
    clock.advance(Duration.ofMinutes(5));
    String code = cognate.outbox().lastCode(pool.poolId, "bob").orElseThrow();
    cognito.confirmSignUp(r -> r.clientId(pool.clientId).username("bob").confirmationCode(code));

    AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool.poolId).username("bob"));

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
        () -> cognito.adminGetUser(r -> r.userPoolId(pool.poolId).username("ghost")));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + UNKNOWN_POOL + " does not exist.",
        () -> cognito.adminGetUser(r -> r.userPoolId(UNKNOWN_POOL).username("ghost")));
  }

  // ---------------------------------------------------------------------------------------------- AdminDeleteUser

  @Test
  void adminDeleteUserRemovesTheUser() {
    Pool pool = shared;
    signUp(pool, "carol", "carol@example.com");
    signUp(pool, "dave", "dave@example.com");

    cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId).username("carol"));

    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(r -> r.userPoolId(pool.poolId).username("carol")));
    assertEquals("dave", cognito.adminGetUser(r -> r.userPoolId(pool.poolId).username("dave")).username());
    // deleting again is an unknown user
    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId).username("carol")));
    // the name is free again
    signUp(pool, "carol", "carol@example.com");
    assertEquals(
        UserStatusType.UNCONFIRMED,
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId).username("carol")).userStatus());
  }

  @Test
  void adminDeleteUnknownUser() {
    Pool pool = shared;

    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId).username("ghost")));
  }

  // ---------------------------------------------------------------------------------------------- ListUsers

  @Test
  void listUsersWithoutFilterReturnsEveryone() {
    Pool pool = appPool();
    signUp(pool, "alice", "alice@example.com");
    signUp(pool, "bob", "bob@example.com");
    signUp(pool, "carol", "carol@other.org");

    ListUsersResponse response = cognito.listUsers(r -> r.userPoolId(pool.poolId));

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
    Pool pool = appPool();
    ListUsersResponse response = cognito.listUsers(r -> r.userPoolId(pool.poolId));
    assertTrue(response.users().isEmpty());
    assertNull(response.paginationToken());
  }

  @Test
  void listUsersFilters() {
    Pool pool = appPool();
    String aliceSub = signUp(pool, "alice", "alice@example.com");
    signUp(pool, "bob", "bob@example.com");
    signUp(pool, "carol", "carol@other.org");
    String bobCode = cognate.outbox().lastCode(pool.poolId, "bob").orElseThrow();
    cognito.confirmSignUp(r -> r.clientId(pool.clientId).username("bob").confirmationCode(bobCode));

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
    String sub = signUp(pool, "fiona", "fiona@example.com");
    signUp(pool, "fiona2", "fiona2@example.com");

    List<UserType> users =
        cognito.listUsers(r -> r.userPoolId(pool.poolId).filter("email = \"fiona@example.com\"")).users();

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
              () -> cognito.listUsers(r -> r.userPoolId(pool.poolId).filter(bad)),
              "filter [" + bad + "] should be rejected");
      assertEquals(InvalidParameterException.class.getSimpleName(), e.awsErrorDetails().errorCode(), "filter [" + bad + "]");
      assertEquals("Error while parsing filter.", e.awsErrorDetails().errorMessage(), "filter [" + bad + "]");
      assertEquals(400, e.statusCode());
    }
  }

  @Test
  void paginationWalksEveryUserExactlyOnce() {
    Pool pool = appPool();
    Set<String> expected = new HashSet<>();
    for (int i = 1; i <= 7; i++) {
      String name = "user" + i;
      signUp(pool, name, name + "@example.com");
      expected.add(name);
    }

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String current = token;
      ListUsersResponse page =
          cognito.listUsers(r -> r.userPoolId(pool.poolId).limit(3).paginationToken(current));
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
    Pool pool = appPool();
    for (int i = 1; i <= 5; i++) {
      signUp(pool, "team" + i, "team" + i + "@example.com");
    }
    signUp(pool, "other", "other@other.org");

    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String current = token;
      ListUsersResponse page =
          cognito.listUsers(
              r -> r.userPoolId(pool.poolId).filter("username ^= \"team\"").limit(2).paginationToken(current));
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

  private record Pool(String poolId, String clientId) {}

  /** Like the app's original pool: e-mail required and auto-verified, MinimumLength 6, no other rules. */
  private static Pool appPool() {
    String poolId =
        cognito.createUserPool(
                b -> b.poolName("users-it")
                    .policies(
                        p -> p.passwordPolicy(
                            pp -> pp.minimumLength(6)
                                .requireUppercase(false)
                                .requireLowercase(false)
                                .requireNumbers(false)
                                .requireSymbols(false)))
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                    .schema(
                        SchemaAttributeType.builder()
                            .name("email")
                            .attributeDataType(AttributeDataType.STRING)
                            .required(true)
                            .mutable(true)
                            .build()))
            .userPool()
            .id();
    String clientId =
        cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("web")).userPoolClient().clientId();
    return new Pool(poolId, clientId);
  }

  /** Signs a user up and returns the sub. */
  private static String signUp(Pool pool, String username, String email) {
    return cognito.signUp(
            r -> r.clientId(pool.clientId)
                .username(username)
                .password("secret")
                .userAttributes(AttributeType.builder().name("email").value(email).build()))
        .userSub();
  }

  private static Set<String> filter(Pool pool, String filter) {
    return new HashSet<>(
        usernames(cognito.listUsers(r -> r.userPoolId(pool.poolId).filter(filter)).users()));
  }

  private static List<String> usernames(List<UserType> users) {
    return users.stream().map(UserType::username).collect(Collectors.toList());
  }

  private static Map<String, String> attributes(List<AttributeType> attributes) {
    return attributes.stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }

  private static <T extends CognitoIdentityProviderException> T assertCognitoError(
      Class<T> type, String message, Executable call) {
    CognitoIdentityProviderException e = assertThrows(CognitoIdentityProviderException.class, call);
    assertEquals(type.getSimpleName(), e.awsErrorDetails().errorCode(), "error code; message was: "
        + e.awsErrorDetails().errorMessage());
    assertEquals(message, e.awsErrorDetails().errorMessage(), "error message");
    assertEquals(400, e.statusCode(), "HTTP status");
    return assertInstanceOf(type, e);
  }
}
