package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static dev.cognate.support.Pools.appPool;
import static dev.cognate.support.Users.APP_PASSWORD;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.refresh;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUp;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Race;
import dev.cognate.support.Race.Outcome;
import dev.cognate.testing.MutableClock;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** Groups, memberships and the group claims of tokens, through the real SDK v2 client. */
class GroupsIT {
  private static final String UNKNOWN_POOL = "us-east-1_Zz9Yy8Xx7";
  private static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/admins";
  private static final String READER_ROLE = "arn:aws:iam::123456789012:role/readers";
  private static final String GROUP_NOT_FOUND = "Group not found.";
  private static final String USER_NOT_FOUND = "User does not exist.";

  /** A whole second, so that the millisecond timestamps the emulator keeps give back exactly this instant. */
  private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static final MutableClock clock = new MutableClock(START);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @RegisterExtension
  static final EmulatorExtension emulator = EmulatorExtension.start(CognateConfig.forTests().clock(clock));

  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();
  /** Shared by the tests that do not list a whole pool; each uses its own group and user names. */
  private static Pool shared;

  @BeforeAll
  static void createSharedPool() {
    shared = passwordPool();
  }

  private static Pool passwordPool() {
    return appPool(
        cognito,
        c -> c.explicitAuthFlows(
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  private static String unique(String prefix) {
    return prefix + "-" + SEQUENCE.incrementAndGet();
  }

  private static String user(Pool pool) {
    String username = unique("user");
    signUpConfirmed(cognito, cognate, pool, username, APP_PASSWORD, attr("email", username + "@example.com"));
    return username;
  }

  private static void add(Pool pool, String username, String group) {
    cognito.adminAddUserToGroup(r -> r.userPoolId(pool.poolId()).username(username).groupName(group));
  }

  private static List<String> groupsOf(Pool pool, String username) {
    return cognito
        .adminListGroupsForUser(r -> r.userPoolId(pool.poolId()).username(username))
        .groups()
        .stream()
        .map(GroupType::groupName)
        .toList();
  }

  private static List<String> membersOf(Pool pool, String group) {
    return cognito
        .listUsersInGroup(r -> r.userPoolId(pool.poolId()).groupName(group))
        .users()
        .stream()
        .map(UserType::username)
        .toList();
  }

  // ------------------------------------------------------------------------------------ CreateGroup, GetGroup

  @Test
  void createGroupReturnsEveryFieldAndGetGroupTheSame() {
    String name = unique("admins");
    Instant created = clock.instant();

    GroupType group =
        cognito
            .createGroup(
                r -> r.userPoolId(shared.poolId())
                    .groupName(name)
                    .description("People who run things")
                    .roleArn(ADMIN_ROLE)
                    .precedence(1))
            .group();

    assertEquals(name, group.groupName());
    assertEquals(shared.poolId(), group.userPoolId());
    assertEquals("People who run things", group.description());
    assertEquals(ADMIN_ROLE, group.roleArn());
    assertEquals(1, group.precedence());
    assertEquals(created, group.creationDate());
    assertEquals(created, group.lastModifiedDate());
    assertEquals(group, cognito.getGroup(r -> r.userPoolId(shared.poolId()).groupName(name)).group());
  }

  @Test
  void createGroupWithOnlyANameLeavesTheRestUnset() {
    String name = unique("plain");

    GroupType group = cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(name)).group();

    assertEquals(name, group.groupName());
    assertNull(group.description());
    assertNull(group.roleArn());
    assertNull(group.precedence());
    assertNotNull(group.creationDate());
  }

  @Test
  void duplicateGroupNameIsGroupExists() {
    String name = unique("dup");
    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(name));

    assertCognitoError(
        GroupExistsException.class,
        "A group with the name " + name + " already exists.",
        () -> cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(name).precedence(3)));
    assertNull(cognito.getGroup(r -> r.userPoolId(shared.poolId()).groupName(name)).group().precedence());
  }

  @Test
  void groupNamesAreCaseSensitiveAndPerPool() {
    String name = unique("Editors");
    Pool other = passwordPool();
    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(name));

    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(name.toLowerCase()));
    cognito.createGroup(r -> r.userPoolId(other.poolId()).groupName(name));

    assertCognitoError(
        ResourceNotFoundException.class,
        GROUP_NOT_FOUND,
        () -> cognito.getGroup(r -> r.userPoolId(other.poolId()).groupName(name.toLowerCase())));
  }

  @Test
  void longestNameAndDescriptionOutsideTheBmpAreKeptWhole() {
    // Lengths count code points; each of these takes two UTF-16 units.
    String name = "\uD83D\uDE00".repeat(127) + (char) ('a' + SEQUENCE.incrementAndGet() % 26);
    String description = "\uD83D\uDC4D".repeat(2048);

    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(name).description(description));

    GroupType group = cognito.getGroup(r -> r.userPoolId(shared.poolId()).groupName(name)).group();
    assertEquals(name, group.groupName());
    assertEquals(description, group.description());
  }

  @Test
  void unknownGroupIsResourceNotFound() {
    String missing = unique("missing");
    String someone = user(shared);
    String pool = shared.poolId();

    assertCognitoError(
        ResourceNotFoundException.class,
        GROUP_NOT_FOUND,
        () -> cognito.getGroup(r -> r.userPoolId(pool).groupName(missing)));
    assertCognitoError(
        ResourceNotFoundException.class,
        GROUP_NOT_FOUND,
        () -> cognito.updateGroup(r -> r.userPoolId(pool).groupName(missing).description("x")));
    assertCognitoError(
        ResourceNotFoundException.class,
        GROUP_NOT_FOUND,
        () -> cognito.deleteGroup(r -> r.userPoolId(pool).groupName(missing)));
    assertCognitoError(
        ResourceNotFoundException.class,
        GROUP_NOT_FOUND,
        () -> cognito.adminAddUserToGroup(r -> r.userPoolId(pool).groupName(missing).username(someone)));
    assertCognitoError(
        ResourceNotFoundException.class,
        GROUP_NOT_FOUND,
        () -> cognito.adminRemoveUserFromGroup(r -> r.userPoolId(pool).groupName(missing).username(someone)));
    assertCognitoError(
        ResourceNotFoundException.class,
        GROUP_NOT_FOUND,
        () -> cognito.listUsersInGroup(r -> r.userPoolId(pool).groupName(missing)));
  }

  @Test
  void unknownGroupIsReportedBeforeUnknownUser() {
    assertCognitoError(
        ResourceNotFoundException.class,
        GROUP_NOT_FOUND,
        () -> cognito.adminAddUserToGroup(
            r -> r.userPoolId(shared.poolId()).groupName(unique("missing")).username(unique("nobody"))));
  }

  @Test
  void unknownUserIsUserNotFound() {
    String group = unique("crew");
    String nobody = unique("nobody");
    String pool = shared.poolId();
    cognito.createGroup(r -> r.userPoolId(pool).groupName(group));

    assertCognitoError(
        UserNotFoundException.class,
        USER_NOT_FOUND,
        () -> cognito.adminAddUserToGroup(r -> r.userPoolId(pool).groupName(group).username(nobody)));
    assertCognitoError(
        UserNotFoundException.class,
        USER_NOT_FOUND,
        () -> cognito.adminRemoveUserFromGroup(r -> r.userPoolId(pool).groupName(group).username(nobody)));
    assertCognitoError(
        UserNotFoundException.class,
        USER_NOT_FOUND,
        () -> cognito.adminListGroupsForUser(r -> r.userPoolId(pool).username(nobody)));
  }

  @Test
  void unknownPoolIsResourceNotFoundForEveryOperation() {
    String message = "User pool " + UNKNOWN_POOL + " does not exist.";
    String p = UNKNOWN_POOL;
    List<Runnable> calls =
        List.of(
            () -> cognito.createGroup(r -> r.userPoolId(p).groupName("g")),
            () -> cognito.getGroup(r -> r.userPoolId(p).groupName("g")),
            () -> cognito.listGroups(r -> r.userPoolId(p)),
            () -> cognito.updateGroup(r -> r.userPoolId(p).groupName("g")),
            () -> cognito.deleteGroup(r -> r.userPoolId(p).groupName("g")),
            () -> cognito.adminAddUserToGroup(r -> r.userPoolId(p).groupName("g").username("u")),
            () -> cognito.adminRemoveUserFromGroup(r -> r.userPoolId(p).groupName("g").username("u")),
            () -> cognito.adminListGroupsForUser(r -> r.userPoolId(p).username("u")),
            () -> cognito.listUsersInGroup(r -> r.userPoolId(p).groupName("g")));
    for (Runnable call : calls) {
      assertCognitoError(ResourceNotFoundException.class, message, call::run);
    }
  }

  @Test
  void requestsAreValidatedAgainstTheModel() {
    String pool = shared.poolId();
    assertInvalidParameter(
        "1 validation error detected: Value null at 'groupName' failed to satisfy constraint: "
            + "Member must not be null",
        () -> cognito.createGroup(r -> r.userPoolId(pool)));
    assertInvalidParameter(
        "1 validation error detected: Value '-1' at 'precedence' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 0",
        () -> cognito.createGroup(r -> r.userPoolId(pool).groupName(unique("neg")).precedence(-1)));
    assertInvalidParameter(
        "1 validation error detected: Value 'role-without-an-arn-shape' at 'roleArn' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: "
            + "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?"
            + "(:[\\w+=/,.@-]+)?",
        () -> cognito.createGroup(r -> r.userPoolId(pool).groupName(unique("arn")).roleArn("role-without-an-arn-shape")));
    assertInvalidParameter(
        "1 validation error detected: Value '" + "d".repeat(2049) + "' at 'description' failed to satisfy constraint: "
            + "Member must have length less than or equal to 2048",
        () -> cognito.updateGroup(r -> r.userPoolId(pool).groupName("g").description("d".repeat(2049))));
    assertInvalidParameter(
        "1 validation error detected: Value 'a b' at 'groupName' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
        () -> cognito.getGroup(r -> r.userPoolId(pool).groupName("a b")));
    assertInvalidParameter(
        "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: "
            + "Member must have value less than or equal to 60",
        () -> cognito.listGroups(r -> r.userPoolId(pool).limit(61)));
    assertInvalidParameter(
        "Invalid pagination token not-a-token",
        () -> cognito.listGroups(r -> r.userPoolId(pool).nextToken("not-a-token")));
  }

  // ---------------------------------------------------------------------------------- UpdateGroup, DeleteGroup

  @Test
  void updateGroupChangesOnlyWhatItIsGiven() {
    String name = unique("ops");
    GroupType created =
        cognito
            .createGroup(
                r -> r.userPoolId(shared.poolId()).groupName(name).description("before").roleArn(ADMIN_ROLE)
                    .precedence(5))
            .group();
    clock.advance(Duration.ofSeconds(30));

    GroupType updated =
        cognito.updateGroup(r -> r.userPoolId(shared.poolId()).groupName(name).precedence(2)).group();

    assertEquals("before", updated.description());
    assertEquals(ADMIN_ROLE, updated.roleArn());
    assertEquals(2, updated.precedence());
    assertEquals(created.creationDate(), updated.creationDate());
    assertEquals(created.creationDate().plusSeconds(30), updated.lastModifiedDate());

    GroupType again =
        cognito
            .updateGroup(r -> r.userPoolId(shared.poolId()).groupName(name).description("after").roleArn(READER_ROLE))
            .group();
    assertEquals("after", again.description());
    assertEquals(READER_ROLE, again.roleArn());
    assertEquals(2, again.precedence());
    assertEquals(again, cognito.getGroup(r -> r.userPoolId(shared.poolId()).groupName(name)).group());
  }

  @Test
  void deleteGroupRemovesItsMemberships() {
    String name = unique("temp");
    String member = user(shared);
    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(name));
    add(shared, member, name);

    cognito.deleteGroup(r -> r.userPoolId(shared.poolId()).groupName(name));

    assertCognitoError(
        ResourceNotFoundException.class,
        GROUP_NOT_FOUND,
        () -> cognito.getGroup(r -> r.userPoolId(shared.poolId()).groupName(name)));
    assertEquals(List.of(), groupsOf(shared, member));
    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(name));
    assertEquals(List.of(), membersOf(shared, name), "a group made again under the old name starts empty");
  }

  // ------------------------------------------------------------------------------------------------ Memberships

  @Test
  void addingAUserTwiceKeepsOneMembership() {
    String group = unique("team");
    String member = user(shared);
    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(group));

    add(shared, member, group);
    add(shared, member, group);

    assertEquals(List.of(member), membersOf(shared, group));
    assertEquals(List.of(group), groupsOf(shared, member));
  }

  @Test
  void removingTakesTheUserOutAndRemovingANonMemberIsNoError() {
    String group = unique("team");
    String member = user(shared);
    String stranger = user(shared);
    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(group));
    add(shared, member, group);

    cognito.adminRemoveUserFromGroup(r -> r.userPoolId(shared.poolId()).groupName(group).username(member));
    cognito.adminRemoveUserFromGroup(r -> r.userPoolId(shared.poolId()).groupName(group).username(stranger));

    assertEquals(List.of(), membersOf(shared, group));
    assertEquals(List.of(), groupsOf(shared, member));
  }

  @Test
  void listUsersInGroupDescribesEachMemberFully() {
    String group = unique("team");
    String member = unique("member");
    String sub = signUp(cognito, shared, member, member + "@example.com").userSub();
    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(group));
    add(shared, member, group);

    List<UserType> users = cognito.listUsersInGroup(r -> r.userPoolId(shared.poolId()).groupName(group)).users();

    assertEquals(1, users.size());
    UserType listed = users.get(0);
    assertEquals(member, listed.username());
    assertEquals(
        Map.of("sub", sub, "email", member + "@example.com", "email_verified", "false"),
        attributes(listed.attributes()));
    assertEquals("UNCONFIRMED", listed.userStatusAsString());
    assertEquals(Boolean.TRUE, listed.enabled());
    assertNotNull(listed.userCreateDate());
  }

  @Test
  void deletingAUserRemovesTheirMemberships() {
    String group = unique("team");
    String member = user(shared);
    String stays = user(shared);
    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(group));
    add(shared, member, group);
    add(shared, stays, group);

    cognito.adminDeleteUser(r -> r.userPoolId(shared.poolId()).username(member));

    assertEquals(List.of(stays), membersOf(shared, group));
    signUp(cognito, shared, member, member + "@example.com");
    assertEquals(List.of(), groupsOf(shared, member), "a user made again under the old name is in no group");
  }

  @Test
  void deletingAPoolWithGroupsAndMembersTakesThemAlong() {
    Pool pool = passwordPool();
    String member = user(pool);
    cognito.createGroup(r -> r.userPoolId(pool.poolId()).groupName("everyone"));
    add(pool, member, "everyone");

    cognito.deleteUserPool(r -> r.userPoolId(pool.poolId()));

    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + pool.poolId() + " does not exist.",
        () -> cognito.listGroups(r -> r.userPoolId(pool.poolId())));
  }

  // ------------------------------------------------------------------------------------------------- Pagination

  @Test
  void listGroupsPagesInCreationOrder() {
    Pool pool = passwordPool();
    List<String> names = List.of("zeta", "alpha", "mid", "beta", "omega");
    for (String name : names) {
      cognito.createGroup(r -> r.userPoolId(pool.poolId()).groupName(name));
    }

    List<String> seen =
        pages(token -> cognito.listGroups(r -> r.userPoolId(pool.poolId()).limit(2).nextToken(token)),
            r -> r.groups().stream().map(GroupType::groupName).toList(),
            r -> r.nextToken());

    assertEquals(names, seen);
    assertEquals(names, cognito.listGroups(r -> r.userPoolId(pool.poolId())).groups().stream()
        .map(GroupType::groupName).toList(), "no Limit (and Limit 0) gives up to 60");
    assertEquals(5, cognito.listGroups(r -> r.userPoolId(pool.poolId()).limit(0)).groups().size());
    assertNull(cognito.listGroups(r -> r.userPoolId(pool.poolId()).limit(5)).nextToken());
  }

  @Test
  void adminListGroupsForUserAndListUsersInGroupPage() {
    Pool pool = passwordPool();
    List<String> groups = List.of("g1", "g2", "g3");
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      users.add(user(pool));
    }
    for (String group : groups) {
      cognito.createGroup(r -> r.userPoolId(pool.poolId()).groupName(group));
      for (String member : users) {
        add(pool, member, group);
      }
    }
    String first = users.get(0);

    List<String> groupsSeen =
        pages(token -> cognito.adminListGroupsForUser(
                r -> r.userPoolId(pool.poolId()).username(first).limit(2).nextToken(token)),
            r -> r.groups().stream().map(GroupType::groupName).toList(),
            r -> r.nextToken());
    List<String> usersSeen =
        pages(token -> cognito.listUsersInGroup(
                r -> r.userPoolId(pool.poolId()).groupName("g2").limit(2).nextToken(token)),
            r -> r.users().stream().map(UserType::username).toList(),
            r -> r.nextToken());

    assertEquals(groups, groupsSeen);
    assertEquals(users, usersSeen);
    assertInvalidParameter(
        "Invalid pagination token bogus",
        () -> cognito.listUsersInGroup(r -> r.userPoolId(pool.poolId()).groupName("g2").nextToken("bogus")));
  }

  /** Every item of a paginated listing, asserting that no page but the last is short and none is empty. */
  private static <R> List<String> pages(
      Function<String, R> call, Function<R, List<String>> items, Function<R, String> next) {
    List<String> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      R page = call.apply(token);
      List<String> got = items.apply(page);
      token = next.apply(page);
      assertTrue(!got.isEmpty() && (token == null || got.size() == 2), "page " + pages + ": " + got);
      all.addAll(got);
      pages++;
    } while (token != null && pages < 10);
    return all;
  }

  // ------------------------------------------------------------------------------------------------------ Races

  private static final int THREADS = 8;

  private static void assertNoServerErrors(List<Outcome> outcomes) {
    assertTrue(outcomes.stream().noneMatch(Outcome::serverError), outcomes.toString());
  }

  @Test
  void concurrentCreatesOfOneNameHaveOneWinner() throws Exception {
    String name = unique("contested");

    List<Outcome> outcomes =
        Race.run(THREADS, 40, i -> cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(name).precedence(i))
            .group().precedence().toString());

    assertNoServerErrors(outcomes);
    List<Outcome> winners = outcomes.stream().filter(Outcome::ok).toList();
    assertEquals(1, winners.size(), outcomes.toString());
    for (Outcome loser : outcomes.stream().filter(o -> !o.ok()).toList()) {
      assertEquals("GroupExistsException", loser.errorCode(), loser.toString());
      assertEquals("A group with the name " + name + " already exists.", loser.message());
    }
    assertEquals(
        winners.get(0).value(),
        cognito.getGroup(r -> r.userPoolId(shared.poolId()).groupName(name)).group().precedence().toString());
    System.out.println("GroupsIT: 40 concurrent CreateGroup of one name: 1 created, 39 GroupExistsException");
  }

  @Test
  void concurrentAddsOfOneUserMakeOneMembership() throws Exception {
    String group = unique("crowd");
    String member = user(shared);
    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(group));

    List<Outcome> outcomes = Race.run(THREADS, 40, i -> {
      add(shared, member, group);
      return "added";
    });

    assertNoServerErrors(outcomes);
    assertTrue(outcomes.stream().allMatch(Outcome::ok), outcomes.toString());
    assertEquals(List.of(member), membersOf(shared, group));
    System.out.println("GroupsIT: 40 concurrent AdminAddUserToGroup of one user: all succeeded, one membership");
  }

  @Test
  void addsRacingUserAndGroupDeletionsLeaveNoMembershipBehind() throws Exception {
    Pool pool = passwordPool();
    int users = 10;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      names.add(user(pool));
    }
    cognito.createGroup(r -> r.userPoolId(pool.poolId()).groupName("kept"));
    cognito.createGroup(r -> r.userPoolId(pool.poolId()).groupName("doomed"));

    // Per user: an add to "kept" racing the user's deletion, and an add to "doomed" racing that group's deletion.
    List<Outcome> outcomes =
        Race.run(
            THREADS,
            users * 3 + 1,
            i -> {
              if (i == users * 3) {
                cognito.deleteGroup(r -> r.userPoolId(pool.poolId()).groupName("doomed"));
                return "group deleted";
              }
              String username = names.get(i / 3);
              switch (i % 3) {
                case 0 -> add(pool, username, "kept");
                case 1 -> add(pool, username, "doomed");
                default -> cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId()).username(username));
              }
              return "done";
            });

    assertNoServerErrors(outcomes);
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      if (!o.ok()) {
        boolean userGone = o.is("UserNotFoundException") && USER_NOT_FOUND.equals(o.message());
        boolean groupGone = o.is("ResourceNotFoundException") && GROUP_NOT_FOUND.equals(o.message());
        assertTrue(i % 3 == 0 ? userGone : i % 3 == 1 && (userGone || groupGone), i + ": " + o);
      }
    }
    assertEquals(List.of(), membersOf(pool, "kept"), "every member was deleted");
    cognito.createGroup(r -> r.userPoolId(pool.poolId()).groupName("doomed"));
    assertEquals(List.of(), membersOf(pool, "doomed"));
    System.out.println(
        "GroupsIT: " + users * 2 + " adds racing " + users + " user deletions and 1 group deletion: no server error, "
            + outcomes.stream().filter(o -> !o.ok()).count() + " not-found answers, no membership left behind");
  }

  @Test
  void groupCallsRacingPoolDeletionNameThePoolNotTheGroup() throws Exception {
    int rounds = 10;
    int calls = 24;
    long poolGoneAnswers = 0;
    for (int round = 0; round < rounds; round++) {
      Pool pool = passwordPool();
      String member = user(pool);
      cognito.createGroup(r -> r.userPoolId(pool.poolId()).groupName("g"));
      String poolGone = "User pool " + pool.poolId() + " does not exist.";

      List<Outcome> outcomes =
          Race.run(
              THREADS,
              calls + 1,
              i -> {
                switch (i % 4) {
                  case 0 -> cognito.getGroup(r -> r.userPoolId(pool.poolId()).groupName("g"));
                  case 1 -> cognito.updateGroup(r -> r.userPoolId(pool.poolId()).groupName("g").precedence(i));
                  case 2 -> add(pool, member, "g");
                  default -> {
                    if (i == 3) {
                      cognito.deleteUserPool(r -> r.userPoolId(pool.poolId()));
                      return "pool deleted";
                    }
                    cognito.listUsersInGroup(r -> r.userPoolId(pool.poolId()).groupName("g"));
                  }
                }
                return "done";
              });

      assertNoServerErrors(outcomes);
      for (Outcome o : outcomes.stream().filter(o -> !o.ok()).toList()) {
        assertEquals("ResourceNotFoundException", o.errorCode(), o.toString());
        assertEquals(poolGone, o.message(), "a deleted pool is named, not its group");
      }
      poolGoneAnswers += outcomes.stream().filter(o -> !o.ok()).count();
    }
    System.out.println(
        "GroupsIT: " + rounds + " rounds of " + calls + " group calls racing DeleteUserPool: no server error, "
            + poolGoneAnswers + " answers naming the deleted pool, none naming the group");
  }

  @Test
  void concurrentUpdatesOfDifferentSettingsBothLand() throws Exception {
    String name = unique("shared-settings");
    cognito.createGroup(r -> r.userPoolId(shared.poolId()).groupName(name));

    for (int round = 0; round < 10; round++) {
      int n = round;
      List<Outcome> outcomes =
          Race.run(
              2,
              2,
              i -> i == 0
                  ? cognito.updateGroup(r -> r.userPoolId(shared.poolId()).groupName(name).description("d" + n))
                      .group().groupName()
                  : cognito.updateGroup(r -> r.userPoolId(shared.poolId()).groupName(name).precedence(n))
                      .group().groupName());
      assertTrue(outcomes.stream().allMatch(Outcome::ok), outcomes.toString());
      GroupType group = cognito.getGroup(r -> r.userPoolId(shared.poolId()).groupName(name)).group();
      assertEquals("d" + n, group.description());
      assertEquals(n, group.precedence());
    }
  }

  // ---------------------------------------------------------------------------------------------------- Tokens

  @Test
  void userInNoGroupHasNoGroupClaims() throws ParseException {
    String alone = user(shared);
    AuthenticationResultType tokens = signIn(cognito, shared.clientId(), alone, APP_PASSWORD);

    for (JWTClaimsSet claims : List.of(claims(tokens.idToken()), claims(tokens.accessToken()))) {
      assertNull(claims.getClaim("cognito:groups"));
      assertNull(claims.getClaim("cognito:roles"));
      assertNull(claims.getClaim("cognito:preferred_role"));
    }
  }

  @Test
  void groupsInBothTokensByPrecedenceThenNameAndRolesInTheIdToken() throws ParseException {
    Pool pool = passwordPool();
    String member = user(pool);
    create(pool, "zz-no-precedence", null, null);
    create(pool, "readers", READER_ROLE, 5);
    create(pool, "admins", ADMIN_ROLE, 1);
    create(pool, "beta", null, 5);
    for (String group : List.of("zz-no-precedence", "readers", "admins", "beta")) {
      add(pool, member, group);
    }

    AuthenticationResultType tokens = signIn(cognito, pool.clientId(), member, APP_PASSWORD);
    JWTClaimsSet id = claims(tokens.idToken());
    JWTClaimsSet access = claims(tokens.accessToken());

    List<String> expected = List.of("admins", "beta", "readers", "zz-no-precedence");
    assertEquals(expected, id.getClaim("cognito:groups"));
    assertEquals(expected, access.getClaim("cognito:groups"));
    assertEquals(List.of(ADMIN_ROLE, READER_ROLE), id.getClaim("cognito:roles"));
    assertEquals(ADMIN_ROLE, id.getClaim("cognito:preferred_role"));
    assertNull(access.getClaim("cognito:roles"));
    assertNull(access.getClaim("cognito:preferred_role"));
  }

  @Test
  void equalPrecedenceWithDifferentRolesGivesNoPreferredRole() throws ParseException {
    Pool pool = passwordPool();
    String member = user(pool);
    create(pool, "one", ADMIN_ROLE, 3);
    create(pool, "two", READER_ROLE, 3);
    add(pool, member, "one");
    add(pool, member, "two");

    JWTClaimsSet id = claims(signIn(cognito, pool.clientId(), member, APP_PASSWORD).idToken());

    assertEquals(List.of(ADMIN_ROLE, READER_ROLE), id.getClaim("cognito:roles"));
    assertNull(id.getClaim("cognito:preferred_role"));

    cognito.updateGroup(r -> r.userPoolId(pool.poolId()).groupName("two").roleArn(ADMIN_ROLE));
    JWTClaimsSet same = claims(signIn(cognito, pool.clientId(), member, APP_PASSWORD).idToken());
    assertEquals(List.of(ADMIN_ROLE), same.getClaim("cognito:roles"));
    assertEquals(ADMIN_ROLE, same.getClaim("cognito:preferred_role"), "equal precedence, same role");
  }

  @Test
  void refreshedTokensShowTheMembershipsOfTheMoment() throws ParseException {
    Pool pool = passwordPool();
    String member = user(pool);
    create(pool, "early", null, null);
    add(pool, member, "early");
    AuthenticationResultType first = signIn(cognito, pool.clientId(), member, APP_PASSWORD);
    assertEquals(List.of("early"), claims(first.accessToken()).getClaim("cognito:groups"));

    create(pool, "late", null, null);
    add(pool, member, "late");
    cognito.adminRemoveUserFromGroup(r -> r.userPoolId(pool.poolId()).groupName("early").username(member));
    AuthenticationResultType refreshed = refresh(cognito, pool.clientId(), first.refreshToken());

    assertEquals(List.of("late"), claims(refreshed.idToken()).getClaim("cognito:groups"));
    assertEquals(List.of("late"), claims(refreshed.accessToken()).getClaim("cognito:groups"));
  }

  private static void create(Pool pool, String name, String role, Integer precedence) {
    cognito.createGroup(r -> r.userPoolId(pool.poolId()).groupName(name).roleArn(role).precedence(precedence));
  }

  private static JWTClaimsSet claims(String jwt) throws ParseException {
    return SignedJWT.parse(jwt).getJWTClaimsSet();
  }
}
