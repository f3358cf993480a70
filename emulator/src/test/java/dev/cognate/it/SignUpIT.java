package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.secretHash;
import static dev.cognate.support.Users.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** SignUp through the real SDK v2 client against an in-process emulator. */
class SignUpIT {

  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String STRONG_PASSWORD = "Passw0rd!";

  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();
  private static final Cognate cognate = emulator.cognate();
  private static final CognitoIdentityProviderClient cognito = emulator.cognito();

  // Creating a pool generates its RSA keys, the slowest thing the emulator does; tests share these pools and use
  // their own usernames, and make a pool of their own only when they need one with different settings.
  private static Pool appPool;
  private static Pool defaultPool;
  private static Pool emailUsernamePool;
  /** A default pool whose client has a generated secret. */
  private static Pool secretPool;

  @BeforeAll
  static void createSharedPools() {
    appPool = Pools.appPool(cognito);
    defaultPool = Pools.defaultPool(cognito);
    emailUsernamePool = Pools.emailUsernamePool(cognito);
    secretPool = Pools.pool(cognito, b -> {}, c -> c.generateSecret(true));
  }

  // ---------------------------------------------------------------------------------------------- success

  @Test
  void signUpInAppLikePoolReturnsUnconfirmedUserWithMaskedDelivery() {
    Pool pool = appPool;

    SignUpResponse response =
        cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("alice")
                .password("secret")
                .userAttributes(attr("email", "alice@example.com")));

    assertEquals(Boolean.FALSE, response.userConfirmed());
    assertNotNull(response.userSub());
    assertTrue(response.userSub().matches(UUID_PATTERN), "UserSub not a lowercase UUID: " + response.userSub());
    assertNotNull(response.codeDeliveryDetails(), "CodeDeliveryDetails missing");
    assertEquals("a***@e***", response.codeDeliveryDetails().destination());
    assertEquals(DeliveryMediumType.EMAIL, response.codeDeliveryDetails().deliveryMedium());
    assertEquals("email", response.codeDeliveryDetails().attributeName());

    AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("alice"));
    assertEquals("alice", user.username());
    assertEquals(UserStatusType.UNCONFIRMED, user.userStatus());
    Map<String, String> attributes = attributes(user.userAttributes());
    assertEquals(response.userSub(), attributes.get("sub"));
    assertEquals("alice@example.com", attributes.get("email"));
    assertEquals("false", attributes.get("email_verified"));
  }

  @Test
  void signUpInDefaultPoolWithoutAutoVerificationSendsNoCode() {
    Pool pool = defaultPool;

    SignUpResponse response =
        cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("bob")
                .password(STRONG_PASSWORD)
                .userAttributes(attr("email", "bob@example.com")));

    assertEquals(Boolean.FALSE, response.userConfirmed());
    assertTrue(response.userSub().matches(UUID_PATTERN), "UserSub not a lowercase UUID: " + response.userSub());
    assertNull(response.codeDeliveryDetails(), "no auto-verified attribute, so no code should be delivered");
    assertTrue(cognate.outbox().codes(pool.poolId(), "bob").isEmpty(), "no code should be sent");

    AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("bob"));
    assertEquals(UserStatusType.UNCONFIRMED, user.userStatus());
    assertEquals(response.userSub(), attributes(user.userAttributes()).get("sub"));
  }

  @Test
  void eachSignUpGetsItsOwnSub() {
    Pool pool = appPool;
    String first = signUp(cognito, pool, "u1", "u1@example.com").userSub();
    String second = signUp(cognito, pool, "u2", "u2@example.com").userSub();
    assertFalse(first.equals(second), "two users got the same sub " + first);
  }

  // ---------------------------------------------------------------------------------------------- duplicates

  @Test
  void duplicateUsernameIsRejected() {
    Pool pool = appPool;
    signUp(cognito, pool, "paula", "paula@example.com");

    assertCognitoError(
        UsernameExistsException.class,
        "User already exists",
        () -> signUp(cognito, pool, "paula", "other@example.com"));
  }

  // ---------------------------------------------------------------------------------------------- password policy

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Aa1!aaa   | Password not long enough",
        "Aa1!      | Password not long enough",
        "passw0rd! | Password must have uppercase characters",
        "PASSW0RD! | Password must have lowercase characters",
        "Password! | Password must have numeric characters",
        "Passw0rdX | Password must have symbol characters",
      })
  void defaultPolicyRejectsPasswordBreakingOneRule(String password, String rule) {
    Pool pool = defaultPool;

    assertCognitoError(
        InvalidPasswordException.class,
        "Password did not conform with policy: " + rule,
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username("carol").password(password)));
  }

  @Test
  void policyRulesAreCheckedInOrderLengthUpperLowerNumberSymbol() {
    Pool pool = defaultPool;

    assertCognitoError(
        InvalidPasswordException.class,
        "Password did not conform with policy: Password not long enough",
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username("dave").password("abc")));
    assertCognitoError(
        InvalidPasswordException.class,
        "Password did not conform with policy: Password must have uppercase characters",
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username("dave").password("abcdefgh")));
    assertCognitoError(
        InvalidPasswordException.class,
        "Password did not conform with policy: Password must have lowercase characters",
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username("dave").password("ABCDEFGH")));
    assertCognitoError(
        InvalidPasswordException.class,
        "Password did not conform with policy: Password must have numeric characters",
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username("dave").password("ABCDefgh")));
  }

  @Test
  void defaultPolicyAcceptsPasswordMeetingAllRules() {
    Pool pool = defaultPool;
    SignUpResponse response =
        cognito.signUp(r -> r.clientId(pool.clientId()).username("erin").password("Abcdef1^"));
    assertEquals(Boolean.FALSE, response.userConfirmed());
  }

  @Test
  void appPolicyOnlyNeedsSixCharacters() {
    Pool pool = appPool;

    assertCognitoError(
        InvalidPasswordException.class,
        "Password did not conform with policy: Password not long enough",
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("frank")
                .password("abcde")
                .userAttributes(attr("email", "frank@example.com"))));

    SignUpResponse response =
        cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("frank")
                .password("abcdef")
                .userAttributes(attr("email", "frank@example.com")));
    assertEquals(Boolean.FALSE, response.userConfirmed());
  }

  @Test
  void missingPasswordIsAValidationError() {
    Pool pool = appPool;

    assertCognitoError(
        InvalidParameterException.class,
        "1 validation error detected: Value null at 'password' failed to satisfy constraint: "
            + "Member must not be null",
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("gina")
                .userAttributes(attr("email", "gina@example.com"))));
  }

  // ---------------------------------------------------------------------------------------------- attributes

  @Test
  void missingRequiredEmailIsRejected() {
    Pool pool = appPool;

    assertCognitoError(
        InvalidParameterException.class,
        "Attributes did not conform to the schema: email: The attribute is required",
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username("hank").password("secret")));
  }

  @Test
  void unknownCustomAttributeIsRejected() {
    Pool pool = appPool;

    assertCognitoError(
        InvalidParameterException.class,
        "Attributes did not conform to the schema: custom:x: Attribute does not exist in the schema.",
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("ivy")
                .password("secret")
                .userAttributes(attr("email", "ivy@example.com"), attr("custom:x", "1"))));
  }

  @Test
  void invalidEmailIsRejected() {
    Pool pool = appPool;

    assertCognitoError(
        InvalidParameterException.class,
        "Invalid email address format.",
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("jack")
                .password("secret")
                .userAttributes(attr("email", "not-an-email"))));
  }

  @Test
  void rejectedSignUpsCreateNoUser() {
    Pool pool = appPool;
    assertThrows(
        CognitoIdentityProviderException.class,
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username("kim").password("secret")));
    assertThrows(
        CognitoIdentityProviderException.class,
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("kim")
                .password("abc")
                .userAttributes(attr("email", "kim@example.com"))));

    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("kim")));
  }

  // ---------------------------------------------------------------------------------------------- client / pool

  @Test
  void unknownClientIdIsRejected() {
    String clientId = "1234567890abcdefghijklmnop";

    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool client " + clientId + " does not exist.",
        () -> cognito.signUp(
            r -> r.clientId(clientId)
                .username("alice")
                .password(STRONG_PASSWORD)
                .userAttributes(attr("email", "alice@example.com"))));
  }

  @Test
  void adminCreateUserOnlyPoolRefusesSignUp() {
    Pool pool =
        Pools.pool(
            cognito,
            b -> b.adminCreateUserConfig(c -> c.allowAdminCreateUserOnly(true)),
            c -> {});

    assertCognitoError(
        NotAuthorizedException.class,
        "SignUp is not permitted for this user pool",
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username("leo").password(STRONG_PASSWORD)));
  }

  // ---------------------------------------------------------------------------------------------- e-mail as username

  @Test
  void emailAsUsernamePoolStoresUuidUsernameEqualToSub() {
    Pool pool = emailUsernamePool;

    SignUpResponse response =
        cognito.signUp(
            r -> r.clientId(pool.clientId()).username("alice@example.com").password(STRONG_PASSWORD));

    assertEquals(Boolean.FALSE, response.userConfirmed());
    assertTrue(response.userSub().matches(UUID_PATTERN), "UserSub not a lowercase UUID: " + response.userSub());
    assertNotNull(response.codeDeliveryDetails());
    assertEquals("a***@e***", response.codeDeliveryDetails().destination());
    assertEquals(DeliveryMediumType.EMAIL, response.codeDeliveryDetails().deliveryMedium());
    assertEquals("email", response.codeDeliveryDetails().attributeName());

    AdminGetUserResponse byEmail =
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("alice@example.com"));
    assertEquals(response.userSub(), byEmail.username(), "stored username should be the sub");
    Map<String, String> attributes = attributes(byEmail.userAttributes());
    assertEquals(response.userSub(), attributes.get("sub"));
    assertEquals("alice@example.com", attributes.get("email"));
    assertEquals(UserStatusType.UNCONFIRMED, byEmail.userStatus());

    AdminGetUserResponse bySub =
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(response.userSub()));
    assertEquals(response.userSub(), bySub.username());
  }

  @Test
  void emailAsUsernamePoolRejectsNonEmailUsername() {
    Pool pool = emailUsernamePool;

    assertCognitoError(
        InvalidParameterException.class,
        "Username should be an email.",
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username("alice").password(STRONG_PASSWORD)));
  }

  @Test
  void emailAsUsernamePoolRejectsDuplicateEmail() {
    Pool pool = emailUsernamePool;
    cognito.signUp(r -> r.clientId(pool.clientId()).username("dup@example.com").password(STRONG_PASSWORD));

    assertCognitoError(
        UsernameExistsException.class,
        "An account with the given email already exists.",
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId()).username("dup@example.com").password(STRONG_PASSWORD)));
    assertEquals(
        1,
        cognito.listUsers(r -> r.userPoolId(pool.poolId()).filter("email = \"dup@example.com\"")).users().size());
  }

  // ---------------------------------------------------------------------------------------------- case sensitivity

  @Test
  void caseInsensitivePoolTreatsAliceAndaliceAsTheSameUser() {
    Pool pool =
        Pools.pool(
            cognito,
            b -> b.usernameConfiguration(c -> c.caseSensitive(false)),
            c -> {});
    cognito.signUp(r -> r.clientId(pool.clientId()).username("Alice").password(STRONG_PASSWORD));

    assertCognitoError(
        UsernameExistsException.class,
        "User already exists",
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username("alice").password(STRONG_PASSWORD)));
    assertEquals(1, cognito.listUsers(r -> r.userPoolId(pool.poolId())).users().size());
    // either spelling finds the one user
    String sub = attributes(
            cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("Alice")).userAttributes())
        .get("sub");
    assertEquals(
        sub,
        attributes(cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("alice")).userAttributes())
            .get("sub"));
  }

  @Test
  void defaultPoolIsCaseSensitive() {
    Pool pool = defaultPool;

    SignUpResponse upper =
        cognito.signUp(r -> r.clientId(pool.clientId()).username("Alice").password(STRONG_PASSWORD));
    SignUpResponse lower =
        cognito.signUp(r -> r.clientId(pool.clientId()).username("alice").password(STRONG_PASSWORD));

    assertFalse(upper.userSub().equals(lower.userSub()));
    AdminGetUserResponse upperUser = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("Alice"));
    AdminGetUserResponse lowerUser = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("alice"));
    assertEquals("Alice", upperUser.username());
    assertEquals("alice", lowerUser.username());
    assertEquals(upper.userSub(), attributes(upperUser.userAttributes()).get("sub"));
    assertEquals(lower.userSub(), attributes(lowerUser.userAttributes()).get("sub"));
  }

  // ---------------------------------------------------------------------------------------------- secret clients

  @Test
  void secretClientRequiresSecretHash() {
    Pool pool = secretPool;
    assertNotNull(pool.clientSecret(), "GenerateSecret client should have a secret");

    assertCognitoError(
        NotAuthorizedException.class,
        "Client " + pool.clientId() + " is configured with secret but SECRET_HASH was not received",
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username("olga").password(STRONG_PASSWORD)));
  }

  @Test
  void secretClientRejectsWrongSecretHash() {
    Pool pool = secretPool;
    String wrong = secretHash("not-the-secret-at-all", "noah", pool.clientId());

    assertCognitoError(
        NotAuthorizedException.class,
        "Unable to verify secret hash for client " + pool.clientId(),
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId()).username("noah").password(STRONG_PASSWORD).secretHash(wrong)));
    // a hash computed for another username is wrong too
    String otherUser = secretHash(pool.clientSecret(), "someone-else", pool.clientId());
    assertCognitoError(
        NotAuthorizedException.class,
        "Unable to verify secret hash for client " + pool.clientId(),
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId()).username("noah").password(STRONG_PASSWORD).secretHash(otherUser)));
    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("noah")));
  }

  @Test
  void secretClientAcceptsRightSecretHash() {
    Pool pool = secretPool;
    String hash = secretHash(pool.clientSecret(), "mia", pool.clientId());

    SignUpResponse response =
        cognito.signUp(
            r -> r.clientId(pool.clientId()).username("mia").password(STRONG_PASSWORD).secretHash(hash));

    assertEquals(Boolean.FALSE, response.userConfirmed());
    assertTrue(response.userSub().matches(UUID_PATTERN));
    assertEquals(
        UserStatusType.UNCONFIRMED,
        cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("mia")).userStatus());
  }
}
