package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static dev.cognate.support.Users.APP_PASSWORD;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.signUp;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.Cognate;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** ListUsers' filter grammar (=, ^=, escaped quotes, the searchable attributes) and AttributesToGet. */
class ListUsersFilterIT {
  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.start();
  private static final Cognate COGNATE = EMULATOR.cognate();
  private static final CognitoIdentityProviderClient COGNITO = EMULATOR.cognito();
  private static Pool pool;

  @BeforeAll
  static void users() {
    pool = Pools.appPool(COGNITO);
    signUpConfirmed(COGNITO, COGNATE, pool, "alice", APP_PASSWORD,
        attr("email", "alice@example.com"), attr("family_name", "O\"Hara"), attr("given_name", "Alice"));
    signUp(COGNITO, pool.clientId(), "alfred", APP_PASSWORD,
        attr("email", "alfred@example.com"), attr("given_name", "Alfred"));
    signUp(COGNITO, pool.clientId(), "bob", APP_PASSWORD, attr("email", "bob_1%@example.com"));
    COGNITO.adminDisableUser(r -> r.userPoolId(pool.poolId()).username("bob"));
  }

  private static List<String> names(String filter) {
    return COGNITO.listUsers(r -> r.userPoolId(pool.poolId()).filter(filter)).users().stream()
        .map(UserType::username)
        .toList();
  }

  @Test
  void exactAndPrefixMatches() {
    assertEquals(List.of("alice"), names("email = \"alice@example.com\""));
    assertEquals(List.of("alice", "alfred"), names("username ^= \"al\""));
    assertEquals(List.of("alice", "alfred"), names("given_name^=\"Al\""));
    assertEquals(List.of(), names("username = \"al\""));
    assertEquals(List.of("alice", "alfred", "bob"), names(""));
  }

  @Test
  void escapedQuotesAndLikeWildcardsAreLiteral() {
    assertEquals(List.of("alice"), names("family_name = \"O\\\"Hara\""));
    assertEquals(List.of("bob"), names("email ^= \"bob_1%\""));
    assertEquals(List.of(), names("email ^= \"b%\""));
  }

  @Test
  void statusAndUserStatus() {
    assertEquals(List.of("bob"), names("status = \"Disabled\""));
    assertEquals(List.of("alice", "alfred"), names("status = \"Enabled\""));
    assertEquals(List.of("alice"), names("cognito:user_status = \"confirmed\""));
    assertEquals(List.of("alfred", "bob"), names("cognito:user_status = \"UNCONFIRMED\""));
  }

  @Test
  void unsearchableAttributesAndBadGrammarAreRefused() {
    assertInvalidParameter("Invalid search attribute: custom:team", () -> names("custom:team = \"x\""));
    assertInvalidParameter("Invalid search attribute: locale", () -> names("locale = \"en\""));
    for (String bad : List.of("email != \"a\"", "email = alice", "email = \"a\" and name = \"b\"", "= \"a\"")) {
      assertInvalidParameter("Error while parsing filter.", () -> names(bad));
    }
  }

  @Test
  void attributesToGetReturnsOnlyThose() {
    List<UserType> users =
        COGNITO.listUsers(r -> r.userPoolId(pool.poolId()).filter("username = \"alice\"").attributesToGet("email"))
            .users();
    assertEquals(Map.of("email", "alice@example.com"), attributes(users.get(0).attributes()));

    List<UserType> none =
        COGNITO.listUsers(r -> r.userPoolId(pool.poolId()).filter("username = \"alice\"").attributesToGet(List.of()))
            .users();
    assertEquals(Map.of(), attributes(none.get(0).attributes()));
  }

  @Test
  void attributesToGetNamingAnUnknownOrUnsetAttributeIsRefused() {
    assertInvalidParameter(
        "One or more requested attributes do not exist.",
        () -> COGNITO.listUsers(r -> r.userPoolId(pool.poolId()).attributesToGet("email", "custom:nope")));
    // bob has no given_name: Cognito answers the same error when a listed user lacks a requested attribute.
    assertInvalidParameter(
        "One or more requested attributes do not exist.",
        () -> COGNITO.listUsers(r -> r.userPoolId(pool.poolId()).attributesToGet("given_name")));
  }
}
