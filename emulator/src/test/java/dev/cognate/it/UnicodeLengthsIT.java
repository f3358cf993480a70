package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * Lengths are counted in code points, as AWS counts them, and the longest valid values are stored whole: a
 * character outside the BMP is two UTF-16 units, and lower-casing {@code İ} makes two characters of one.
 */
class UnicodeLengthsIT {
  private static final String PASSWORD = "Passw0rd!";
  private static final String EMOJI = "\uD83D\uDE00";
  private static final String DOTTED_CAPITAL_I = "\u0130";

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  void usernameOf128EmojiIsStored() {
    Pool pool = Pools.defaultPool(cognito);
    String username = EMOJI.repeat(128);

    cognito.signUp(r -> r.clientId(pool.clientId()).username(username).password(PASSWORD));

    assertEquals(username, cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(username)).username());
  }

  @Test
  void usernameOf129EmojiIsAValidationError() {
    Pool pool = Pools.defaultPool(cognito);

    assertInvalidParameter(
        "1 validation error detected: Value at 'username' failed to satisfy constraint:"
            + " Member must have length less than or equal to 128",
        () -> cognito.signUp(r -> r.clientId(pool.clientId()).username(EMOJI.repeat(129)).password(PASSWORD)));
  }

  @Test
  void caseInsensitiveUsernameWhoseLowerCaseIsTwiceAsLongIsStored() {
    Pool pool = Pools.pool(cognito, b -> b.usernameConfiguration(c -> c.caseSensitive(false)), c -> {});
    String username = DOTTED_CAPITAL_I.repeat(128);

    cognito.signUp(r -> r.clientId(pool.clientId()).username(username).password(PASSWORD));

    assertEquals(username, cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username(username)).username());
    assertEquals(256, username.toLowerCase(Locale.ROOT).length(), "the key stored for it");
  }

  @Test
  void customAndStandardValuesOf2048EmojiAreStored() {
    Pool pool =
        Pools.pool(
            cognito,
            b -> b.schema(
                SchemaAttributeType.builder().name("bio").attributeDataType(AttributeDataType.STRING).build()),
            c -> {});
    String value = EMOJI.repeat(2048);

    cognito.signUp(
        r -> r.clientId(pool.clientId())
            .username("longvalues")
            .password(PASSWORD)
            .userAttributes(attr("custom:bio", value), attr("name", value)));

    Map<String, String> stored =
        attributes(cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("longvalues")).userAttributes());
    assertEquals(value, stored.get("custom:bio"));
    assertEquals(value, stored.get("name"));
    List<UserType> found =
        cognito.listUsers(r -> r.userPoolId(pool.poolId()).filter("name ^= \"" + EMOJI.repeat(100) + "\"")).users();
    assertEquals(1, found.size());
  }

  @Test
  void customValueLongerThanItsMaxLengthInCodePointsIsRefused() {
    Pool pool =
        Pools.pool(
            cognito,
            b -> b.schema(
                SchemaAttributeType.builder()
                    .name("tag")
                    .attributeDataType(AttributeDataType.STRING)
                    .stringAttributeConstraints(s -> s.maxLength("3"))
                    .build()),
            c -> {});

    cognito.signUp(
        r -> r.clientId(pool.clientId())
            .username("three")
            .password(PASSWORD)
            .userAttributes(attr("custom:tag", EMOJI.repeat(3))));
    assertInvalidParameter(
        "Attributes did not conform to the schema: custom:tag: String must be no longer than 3 characters",
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("four")
                .password(PASSWORD)
                .userAttributes(attr("custom:tag", EMOJI.repeat(4)))));
  }

  @Test
  void emailOfAnEmailUsernamePoolMayUseTheWholeUsernameLength() {
    Pool pool =
        Pools.pool(
            cognito,
            b -> b.usernameConfiguration(c -> c.caseSensitive(false)).usernameAttributes(UsernameAttributeType.EMAIL),
            c -> {});
    String email = DOTTED_CAPITAL_I.repeat(100) + "@" + DOTTED_CAPITAL_I.repeat(20) + ".com";

    cognito.signUp(r -> r.clientId(pool.clientId()).username(email).password(PASSWORD));

    assertEquals(1, cognito.listUsers(r -> r.userPoolId(pool.poolId())).users().size());
  }
}
