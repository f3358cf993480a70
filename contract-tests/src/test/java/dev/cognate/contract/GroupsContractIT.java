package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** Groups: their settings, the not-found and exists answers, memberships, and cognito:groups in tokens. */
class GroupsContractIT extends ContractCase {
  private static final String ROLE = "arn:aws:iam::123456789012:role/cognate-contract";

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  @Test
  void aGroupIsDescribedBackAndUpdatedSettingBySetting(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    GroupType created =
        target.cognito()
            .createGroup(b -> b.userPoolId(pool.userPoolId()).groupName("editors").description("Edit").precedence(4))
            .group();

    assertEquals("editors", created.groupName());
    assertEquals(pool.userPoolId(), created.userPoolId());
    assertEquals("Edit", created.description());
    assertEquals(4, created.precedence());
    assertNull(created.roleArn());
    assertEquals(created, target.cognito().getGroup(b -> b.userPoolId(pool.userPoolId()).groupName("editors")).group());

    GroupType updated =
        target.cognito().updateGroup(b -> b.userPoolId(pool.userPoolId()).groupName("editors").roleArn(ROLE)).group();
    assertEquals(ROLE, updated.roleArn());
    assertEquals("Edit", updated.description(), "a setting not sent stays");
    assertEquals(4, updated.precedence(), "a setting not sent stays");
  }

  @Test
  void anUnknownGroupIsNotFoundAndATakenNameExists(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    assertCognitoError(
        "ResourceNotFoundException",
        "Group not found.",
        () -> target.cognito().getGroup(b -> b.userPoolId(pool.userPoolId()).groupName("nobody-made-this")));
    target.cognito().createGroup(b -> b.userPoolId(pool.userPoolId()).groupName("taken"));
    assertCognitoError(
        "GroupExistsException",
        "A group with the name taken already exists.",
        () -> target.cognito().createGroup(b -> b.userPoolId(pool.userPoolId()).groupName("taken")));
  }

  @Test
  void anUnknownUserIsNotFoundWhenAddedToAGroup(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    target.cognito().createGroup(b -> b.userPoolId(pool.userPoolId()).groupName("crew"));
    assertCognitoError(
        "UserNotFoundException",
        "User does not exist.",
        () -> target.cognito().adminAddUserToGroup(
            b -> b.userPoolId(pool.userPoolId()).groupName("crew").username(Cases.username())));
  }

  @Test
  void membershipsAreListedBothWaysAndAddingTwiceKeepsOne(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    target.cognito().createGroup(b -> b.userPoolId(pool.userPoolId()).groupName("crew"));

    for (int i = 0; i < 2; i++) {
      target.cognito().adminAddUserToGroup(b -> b.userPoolId(pool.userPoolId()).groupName("crew").username(username));
    }

    assertEquals(
        List.of(username),
        target.cognito().listUsersInGroup(b -> b.userPoolId(pool.userPoolId()).groupName("crew")).users().stream()
            .map(UserType::username)
            .toList());
    assertEquals(
        List.of("crew"),
        target.cognito().adminListGroupsForUser(b -> b.userPoolId(pool.userPoolId()).username(username)).groups()
            .stream()
            .map(GroupType::groupName)
            .toList());
  }

  @Test
  void bothTokensNameTheGroupsAndTheIdTokenTheirRoles(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    target.cognito().createGroup(b -> b.userPoolId(pool.userPoolId()).groupName("admins").roleArn(ROLE).precedence(0));
    target.cognito().adminAddUserToGroup(b -> b.userPoolId(pool.userPoolId()).groupName("admins").username(username));

    AuthenticationResultType tokens = Cases.login(target, pool, username).authenticationResult();
    JsonNode id = Cases.payload(tokens.idToken());
    JsonNode access = Cases.payload(tokens.accessToken());

    assertEquals(List.of("admins"), names(id.get("cognito:groups")));
    assertEquals(List.of("admins"), names(access.get("cognito:groups")));
    assertEquals(List.of(ROLE), names(id.get("cognito:roles")));
    assertEquals(ROLE, id.get("cognito:preferred_role").asText());
  }
}
