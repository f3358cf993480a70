package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * MFA cases an administrator can run: the pool's MFA configuration and its refusals, and a user's preferences
 * before any factor can reach them. (Sign-ins with codes need the outbox or an authenticator; MfaIT covers those.)
 */
class MfaContractIT extends ContractCase {
  private static final String ALL_OFF =
      "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.";

  @Test
  void aNewPoolHasMfaOffAndAnAuthenticatorOnlyConfigurationRoundTrips(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    GetUserPoolMfaConfigResponse fresh =
        target.cognito().getUserPoolMfaConfig(b -> b.userPoolId(pool.userPoolId()));
    assertEquals(UserPoolMfaType.OFF, fresh.mfaConfiguration());

    target
        .cognito()
        .setUserPoolMfaConfig(
            b -> b.userPoolId(pool.userPoolId())
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
    GetUserPoolMfaConfigResponse read = target.cognito().getUserPoolMfaConfig(b -> b.userPoolId(pool.userPoolId()));
    assertEquals(UserPoolMfaType.OPTIONAL, read.mfaConfiguration());
    assertEquals(true, read.softwareTokenMfaConfiguration().enabled());
    assertEquals(
        UserPoolMfaType.OPTIONAL,
        target.cognito().describeUserPool(b -> b.userPoolId(pool.userPoolId())).userPool().mfaConfiguration());
  }

  @Test
  void mfaOnWithoutAFactorAndOffWithOneAreRefused(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    assertCognitoError(
        "InvalidParameterException",
        ALL_OFF,
        () -> target.cognito().setUserPoolMfaConfig(
            b -> b.userPoolId(pool.userPoolId()).mfaConfiguration(UserPoolMfaType.ON)));
    assertCognitoError(
        "InvalidParameterException",
        "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
        () -> target.cognito().setUserPoolMfaConfig(
            b -> b.userPoolId(pool.userPoolId())
                .mfaConfiguration(UserPoolMfaType.OFF)
                .softwareTokenMfaConfiguration(t -> t.enabled(true))));
  }

  @Test
  void anAuthenticatorCannotBeTurnedOnBeforeOneIsVerified(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    assertCognitoError(
        "InvalidParameterException",
        "User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA",
        () -> target.cognito().adminSetUserMFAPreference(
            b -> b.userPoolId(pool.userPoolId())
                .username(username)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true))));
    AdminGetUserResponse user =
        target.cognito().adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(username));
    assertTrue(user.userMFASettingList().isEmpty(), user.userMFASettingList().toString());
    assertNull(user.preferredMfaSetting());
  }
}
