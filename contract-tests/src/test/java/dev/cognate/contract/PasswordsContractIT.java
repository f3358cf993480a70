package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Password operations that need no mailbox: administrator-set and reset passwords, ChangePassword, and the
 * ForgotPassword answers that come before any code is sent.
 */
class PasswordsContractIT extends ContractCase {
  private static final String NEW_PASSWORD = "N3wPassw0rd!";

  @Test
  void aPermanentPasswordSetByAnAdministratorSignsIn(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    Cases.signUp(target, pool, username, Cases.PASSWORD);

    target.cognito().adminSetUserPassword(
        b -> b.userPoolId(pool.userPoolId()).username(username).password(NEW_PASSWORD).permanent(true));

    assertEquals(UserStatusType.CONFIRMED, status(target, pool, username));
    assertNotNull(Cases.login(target, pool, username, NEW_PASSWORD).authenticationResult().accessToken());
    assertCognitoError(
        "NotAuthorizedException",
        "Incorrect username or password.",
        () -> Cases.login(target, pool, username, Cases.PASSWORD));
  }

  @Test
  void changePasswordWithAWrongPreviousPasswordIsRefused(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    String accessToken = Cases.login(target, pool, username).authenticationResult().accessToken();

    assertCognitoError(
        "NotAuthorizedException",
        "Incorrect username or password.",
        () -> target.cognito().changePassword(
            b -> b.accessToken(accessToken).previousPassword("Wr0ngPassword!").proposedPassword(NEW_PASSWORD)));
    assertNotNull(Cases.login(target, pool, username).authenticationResult().accessToken());
  }

  /** Confirmed by an administrator, the user's e-mail stays unverified, so no reset code can go anywhere. */
  @Test
  void forgotPasswordWithoutAVerifiedChannelIsRefused(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    Cases.signUp(target, pool, username, Cases.PASSWORD);
    target.cognito().adminConfirmSignUp(b -> b.userPoolId(pool.userPoolId()).username(username));

    assertCognitoError(
        "InvalidParameterException",
        "Cannot reset password for the user as there is no registered/verified email or phone_number",
        () -> target.cognito().forgotPassword(b -> b.clientId(pool.clientId()).username(username)));
  }

  @Test
  void confirmForgotPasswordWithoutForgotPasswordIsAnExpiredCode(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);

    assertCognitoError(
        "ExpiredCodeException",
        "Invalid code provided, please request a code again.",
        () -> target.cognito().confirmForgotPassword(
            b -> b.clientId(pool.clientId()).username(username).confirmationCode("123456").password(NEW_PASSWORD)));
  }

  @Test
  void afterAnAdministratorsResetPasswordSignInRequiresAReset(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    if (!target.can(Capability.READ_CODES)) {
      // Confirmed by an administrator on such targets, the e-mail is verified here so the reset code has a channel.
      target.cognito().adminUpdateUserAttributes(
          b -> b.userPoolId(pool.userPoolId())
              .username(username)
              .userAttributes(AttributeType.builder().name("email_verified").value("true").build()));
    }

    target.cognito().adminResetUserPassword(b -> b.userPoolId(pool.userPoolId()).username(username));

    assertEquals(UserStatusType.RESET_REQUIRED, status(target, pool, username));
    assertCognitoError(
        "PasswordResetRequiredException",
        "Password reset required for the user",
        () -> Cases.login(target, pool, username));
  }

  private static UserStatusType status(Target target, CognatePool pool, String username) {
    return target.cognito().adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(username)).userStatus();
  }
}
