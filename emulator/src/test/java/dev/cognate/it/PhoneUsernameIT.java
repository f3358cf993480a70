package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** Phone numbers as usernames, in pools whose UsernameAttributes name phone_number. */
class PhoneUsernameIT {
  private static final String PASSWORD = "Passw0rd!";
  private static final String PHONE_EXISTS = "An account with the given phone_number already exists.";

  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.start();
  private static final CognitoIdentityProviderClient COGNITO = EMULATOR.cognito();

  private static Pool pool(UsernameAttributeType... usernameAttributes) {
    return Pools.pool(
        COGNITO,
        b -> b.usernameAttributes(usernameAttributes),
        c -> c.explicitAuthFlows(
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  private static AdminGetUserResponse get(Pool pool, String signInName) {
    return COGNITO.adminGetUser(r -> r.userPoolId(pool.poolId()).username(signInName));
  }

  @Test
  void aPhoneNumberSignsUpUnderAGeneratedUsernameAndSignsIn() {
    Pool pool = pool(UsernameAttributeType.EMAIL, UsernameAttributeType.PHONE_NUMBER);
    String sub = signUp(COGNITO, pool.clientId(), "+12345678901", PASSWORD).userSub();

    AdminGetUserResponse user = get(pool, "+12345678901");
    assertEquals(sub, user.username());
    Map<String, String> attributes = attributes(user.userAttributes());
    assertEquals("+12345678901", attributes.get("phone_number"));
    assertEquals("false", attributes.get("phone_number_verified"));

    COGNITO.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("+12345678901"));
    assertNotNull(signIn(COGNITO, pool.clientId(), "+12345678901", PASSWORD).accessToken());

    List<UserType> listed =
        COGNITO.listUsers(r -> r.userPoolId(pool.poolId()).filter("phone_number = \"+12345678901\"")).users();
    assertEquals(List.of(sub), listed.stream().map(UserType::username).toList());
  }

  @Test
  void aPhoneNumberIsUniqueInItsPool() {
    Pool pool = pool(UsernameAttributeType.PHONE_NUMBER);
    signUp(COGNITO, pool.clientId(), "+12345678901", PASSWORD);
    assertCognitoError(
        UsernameExistsException.class, PHONE_EXISTS, () -> signUp(COGNITO, pool.clientId(), "+12345678901", PASSWORD));
    // Another pool has its own phone numbers.
    signUp(COGNITO, pool(UsernameAttributeType.PHONE_NUMBER).clientId(), "+12345678901", PASSWORD);
  }

  @Test
  void aUserMayHoldBothAnEmailAndAPhoneSignInName() {
    Pool pool = pool(UsernameAttributeType.EMAIL, UsernameAttributeType.PHONE_NUMBER);
    String sub =
        signUp(COGNITO, pool.clientId(), "ann@example.com", PASSWORD, attr("phone_number", "+4915112345678"))
            .userSub();

    assertEquals(sub, get(pool, "+4915112345678").username());
    assertEquals(sub, get(pool, "ann@example.com").username());
    assertCognitoError(
        UsernameExistsException.class, PHONE_EXISTS, () -> signUp(COGNITO, pool.clientId(), "+4915112345678", PASSWORD));
    assertCognitoError(
        UsernameExistsException.class,
        "An account with the given email already exists.",
        () -> signUp(COGNITO, pool.clientId(), "+4915199999999", PASSWORD, attr("email", "ann@example.com")));
  }

  @Test
  void aUsernameThatIsNeitherIsRefused() {
    Pool both = pool(UsernameAttributeType.EMAIL, UsernameAttributeType.PHONE_NUMBER);
    assertInvalidParameter(
        "Username should be either an email or a phone number.",
        () -> signUp(COGNITO, both.clientId(), "alice", PASSWORD));
    Pool phone = pool(UsernameAttributeType.PHONE_NUMBER);
    assertInvalidParameter(
        "Username should be a phone number.", () -> signUp(COGNITO, phone.clientId(), "alice@example.com", PASSWORD));
    assertInvalidParameter("Username should be a phone number.", () -> signUp(COGNITO, phone.clientId(), "+12", PASSWORD));
  }
}
