package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Invitations: AdminCreateUser with a temporary password and no message, the NEW_PASSWORD_REQUIRED sign-in it
 * leads to, and its completion through AdminRespondToAuthChallenge. Admin operations only, so every case runs on
 * AWS as it does on the emulator.
 */
class InvitationContractIT extends ContractCase {
  private static final String TEMPORARY = "Temp0rary!";

  private static UserType invite(Target target, CognatePool pool, String username) {
    return target
        .cognito()
        .adminCreateUser(
            b -> b.userPoolId(pool.userPoolId())
                .username(username)
                .temporaryPassword(TEMPORARY)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(Cases.email(username)).build()))
        .user();
  }

  private static AdminRespondToAuthChallengeResponse newPassword(
      Target target, CognatePool pool, String username, String session) {
    return target
        .cognito()
        .adminRespondToAuthChallenge(
            b -> b.userPoolId(pool.userPoolId())
                .clientId(pool.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(session)
                .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", Cases.PASSWORD)));
  }

  @Test
  void anInvitedUserChoosesANewPasswordAndIsSignedIn(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();

    UserType created = invite(target, pool, username);
    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, created.userStatus());
    assertEquals(username, created.username());

    InitiateAuthResponse challenge = Cases.login(target, pool, username, TEMPORARY);
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());
    assertNull(challenge.authenticationResult());
    assertTrue(challenge.session().length() >= 20, "session of " + challenge.session().length() + " characters");
    assertEquals(username, challenge.challengeParameters().get("USER_ID_FOR_SRP"));
    assertEquals("[]", challenge.challengeParameters().get("requiredAttributes"));

    AdminRespondToAuthChallengeResponse done = newPassword(target, pool, username, challenge.session());
    assertNull(done.challengeName());
    assertNotNull(done.authenticationResult().accessToken());
    assertNotNull(done.authenticationResult().idToken());
    assertNotNull(done.authenticationResult().refreshToken());
    assertEquals(
        UserStatusType.CONFIRMED,
        target.cognito().adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(username)).userStatus());
    assertNotNull(Cases.login(target, pool, username).authenticationResult().accessToken());
  }

  @Test
  void aSecondInvitationOfTheSameNameIsRefused(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    invite(target, pool, username);

    assertCognitoError(
        "UsernameExistsException", "User account already exists", () -> invite(target, pool, username));
  }

  @Test
  void theTemporaryPasswordIsCheckedBeforeTheChallenge(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    invite(target, pool, username);

    assertCognitoError(
        "NotAuthorizedException",
        "Incorrect username or password.",
        () -> Cases.login(target, pool, username, "Wr0ng-pass"));
  }

  @Test
  void aUsedOrMadeUpSessionIsInvalid(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    invite(target, pool, username);
    String session = Cases.login(target, pool, username, TEMPORARY).session();
    newPassword(target, pool, username, session);

    assertCognitoError(
        "NotAuthorizedException",
        "Invalid session for the user.",
        () -> newPassword(target, pool, username, session));
    assertCognitoError(
        "NotAuthorizedException",
        "Invalid session for the user.",
        () -> newPassword(target, pool, username, "AYABe" + "x".repeat(40)));
  }
}
