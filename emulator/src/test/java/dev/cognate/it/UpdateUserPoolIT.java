package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.CognateConfig;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DefaultEmailOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeletionProtectionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** UpdateUserPool via the SDK: replace-all semantics, what cannot change, validation, and DescribeUserPool after. */
class UpdateUserPoolIT {
  private static final String MISSING_POOL = "us-east-1_AAAAAAAAA";

  private final MutableClock clock = MutableClock.startingNow();

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start(CognateConfig.forTests().clock(clock));
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  void updateReplacesGivenSettings() {
    UserPoolType created = cognito.createUserPool(r -> r.poolName("before")).userPool();
    clock.advance(Duration.ofMinutes(5));

    cognito.updateUserPool(
        r ->
            r.userPoolId(created.id())
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(12).requireNumbers(true)))
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .mfaConfiguration(UserPoolMfaType.OFF)
                .deletionProtection(DeletionProtectionType.ACTIVE)
                .adminCreateUserConfig(a -> a.allowAdminCreateUserOnly(true))
                .userPoolTags(Map.of("team", "blue")));

    UserPoolType pool = describe(created.id());
    assertEquals("before", pool.name(), "a name left out stays");
    assertEquals(12, pool.policies().passwordPolicy().minimumLength());
    assertTrue(pool.policies().passwordPolicy().requireNumbers());
    assertEquals(false, pool.policies().passwordPolicy().requireUppercase(), "flags left out are false");
    assertEquals(List.of(VerifiedAttributeType.EMAIL), pool.autoVerifiedAttributes());
    assertEquals(DeletionProtectionType.ACTIVE, pool.deletionProtection());
    assertTrue(pool.adminCreateUserConfig().allowAdminCreateUserOnly());
    assertEquals(Map.of("team", "blue"), pool.userPoolTags());
    assertEquals(created.creationDate(), pool.creationDate());
    assertEquals(created.lastModifiedDate().plus(Duration.ofMinutes(5)), pool.lastModifiedDate());
  }

  @Test
  void omittedSettingsReturnToDefaults() {
    String poolId =
        cognito
            .createUserPool(
                r ->
                    r.poolName("full")
                        .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(20).temporaryPasswordValidityDays(2)))
                        .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                        .deletionProtection(DeletionProtectionType.ACTIVE)
                        .adminCreateUserConfig(a -> a.allowAdminCreateUserOnly(true))
                        .emailVerificationSubject("Your code")
                        .userPoolTags(Map.of("team", "blue")))
            .userPool()
            .id();

    cognito.updateUserPool(r -> r.userPoolId(poolId));

    UserPoolType pool = describe(poolId);
    assertEquals(8, pool.policies().passwordPolicy().minimumLength());
    assertEquals(7, pool.policies().passwordPolicy().temporaryPasswordValidityDays());
    assertEquals(true, pool.policies().passwordPolicy().requireUppercase());
    assertEquals(true, pool.policies().passwordPolicy().requireSymbols());
    assertEquals(List.of(), pool.autoVerifiedAttributes());
    assertEquals(DeletionProtectionType.INACTIVE, pool.deletionProtection());
    assertEquals(UserPoolMfaType.OFF, pool.mfaConfiguration());
    assertEquals(false, pool.adminCreateUserConfig().allowAdminCreateUserOnly());
    assertNull(pool.emailVerificationSubject());
    assertEquals(Map.of(), pool.userPoolTags());
    assertEquals(DefaultEmailOptionType.CONFIRM_WITH_CODE, pool.verificationMessageTemplate().defaultEmailOption());
    assertNull(pool.verificationMessageTemplate().emailSubject());
  }

  @Test
  void immutableSettingsStayAsCreated() {
    String poolId =
        cognito
            .createUserPool(
                r ->
                    r.poolName("immutable")
                        .usernameAttributesWithStrings("email")
                        .usernameConfiguration(u -> u.caseSensitive(false))
                        .schema(s -> s.name("team").attributeDataType("String")))
            .userPool()
            .id();

    cognito.updateUserPool(r -> r.userPoolId(poolId).poolName("renamed"));

    UserPoolType pool = describe(poolId);
    assertEquals("renamed", pool.name());
    assertEquals(List.of("email"), pool.usernameAttributesAsStrings());
    assertEquals(false, pool.usernameConfiguration().caseSensitive());
    assertTrue(pool.schemaAttributes().stream().anyMatch(a -> a.name().equals("custom:team")));
  }

  @Test
  void verificationMessagesAreDescribedTopLevelAndInTheTemplate() {
    String poolId = cognito.createUserPool(r -> r.poolName("messages")).userPool().id();

    cognito.updateUserPool(
        r ->
            r.userPoolId(poolId)
                .verificationMessageTemplate(
                    t -> t.emailMessage("Code: {####}").emailSubject("Welcome").smsMessage("SMS {####}")));
    UserPoolType fromTemplate = describe(poolId);
    assertEquals("Code: {####}", fromTemplate.emailVerificationMessage());
    assertEquals("Welcome", fromTemplate.emailVerificationSubject());
    assertEquals("SMS {####}", fromTemplate.smsVerificationMessage());
    assertEquals("Code: {####}", fromTemplate.verificationMessageTemplate().emailMessage());

    cognito.updateUserPool(
        r -> r.userPoolId(poolId).emailVerificationMessage("Top {####}").emailVerificationSubject("Top subject"));
    UserPoolType fromTopLevel = describe(poolId);
    assertEquals("Top {####}", fromTopLevel.verificationMessageTemplate().emailMessage());
    assertEquals("Top subject", fromTopLevel.verificationMessageTemplate().emailSubject());
    assertEquals(DefaultEmailOptionType.CONFIRM_WITH_CODE, fromTopLevel.verificationMessageTemplate().defaultEmailOption());
    assertNull(fromTopLevel.smsVerificationMessage(), "the SMS message left out is gone");
  }

  @Test
  void invitationSettingsAndSignInPolicyAreDescribedBack() {
    String poolId = cognito.createUserPool(r -> r.poolName("invites")).userPool().id();
    UserPoolType defaults = describe(poolId);
    assertEquals(7, defaults.adminCreateUserConfig().unusedAccountValidityDays());
    assertEquals(List.of(AuthFactorType.PASSWORD), defaults.policies().signInPolicy().allowedFirstAuthFactors());

    cognito.updateUserPool(
        r ->
            r.userPoolId(poolId)
                .policies(p -> p.signInPolicy(s -> s.allowedFirstAuthFactors(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP)))
                .adminCreateUserConfig(
                    a ->
                        a.allowAdminCreateUserOnly(true)
                            .unusedAccountValidityDays(3)
                            .inviteMessageTemplate(t -> t.emailSubject("Welcome").emailMessage("{username} {####}"))));

    UserPoolType pool = describe(poolId);
    assertEquals(
        List.of(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP), pool.policies().signInPolicy().allowedFirstAuthFactors());
    assertEquals(8, pool.policies().passwordPolicy().minimumLength());
    assertTrue(pool.adminCreateUserConfig().allowAdminCreateUserOnly());
    assertEquals(3, pool.adminCreateUserConfig().unusedAccountValidityDays());
    assertEquals("Welcome", pool.adminCreateUserConfig().inviteMessageTemplate().emailSubject());
    assertEquals("{username} {####}", pool.adminCreateUserConfig().inviteMessageTemplate().emailMessage());
  }

  @Test
  void updatedPasswordPolicyIsEnforced() {
    String poolId = cognito.createUserPool(r -> r.poolName("policy")).userPool().id();
    String clientId =
        cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("c")).userPoolClient().clientId();
    cognito.updateUserPool(
        r -> r.userPoolId(poolId).policies(p -> p.passwordPolicy(pp -> pp.minimumLength(6))));

    cognito.signUp(r -> r.clientId(clientId).username("short").password("abcdef"));
  }

  @Test
  void unknownPool() {
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.updateUserPool(r -> r.userPoolId(MISSING_POOL)));
  }

  @Test
  void validationErrors() {
    String poolId = cognito.createUserPool(r -> r.poolName("valid")).userPool().id();
    assertInvalidParameter(
        "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: "
            + "Member must not be null",
        () -> cognito.updateUserPool(r -> r.poolName("x")));
    assertInvalidParameter(
        "1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy "
            + "constraint: Member must have value greater than or equal to 6",
        () ->
            cognito.updateUserPool(
                r -> r.userPoolId(poolId).policies(p -> p.passwordPolicy(pp -> pp.minimumLength(5)))));
    assertInvalidParameter(
        "1 validation error detected: Value 'bad!name' at 'poolName' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+",
        () -> cognito.updateUserPool(r -> r.userPoolId(poolId).poolName("bad!name")));
    assertEquals(8, describe(poolId).policies().passwordPolicy().minimumLength(), "a refused update changes nothing");
  }

  private UserPoolType describe(String poolId) {
    return cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool();
  }
}
