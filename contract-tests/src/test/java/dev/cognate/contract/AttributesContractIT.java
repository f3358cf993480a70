package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;

/**
 * Attributes of existing users through the admin API, which runs on AWS without reading any mailbox: updates read
 * back, schema refusals, required attributes kept, and a changed e-mail losing its verification.
 */
class AttributesContractIT extends ContractCase {

  private static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  private static void adminUpdate(Target target, CognatePool pool, String username, AttributeType... attributes) {
    target.cognito()
        .adminUpdateUserAttributes(b -> b.userPoolId(pool.userPoolId()).username(username).userAttributes(attributes));
  }

  private static Map<String, String> adminAttributes(Target target, CognatePool pool, String username) {
    return target.cognito().adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(username)).userAttributes()
        .stream()
        .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }

  private static void addCustomAttribute(Target target, CognatePool pool, String name, boolean mutable) {
    target.cognito()
        .addCustomAttributes(
            b -> b.userPoolId(pool.userPoolId())
                .customAttributes(
                    SchemaAttributeType.builder()
                        .name(name)
                        .attributeDataType(AttributeDataType.STRING)
                        .mutable(mutable)
                        .build()));
  }

  @Test
  void adminUpdatedAttributesAreReadBack(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    addCustomAttribute(target, pool, "team", true);
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);

    adminUpdate(target, pool, username, attr("name", "Ada"), attr("custom:team", "blue"));

    Map<String, String> stored = adminAttributes(target, pool, username);
    assertEquals("Ada", stored.get("name"));
    assertEquals("blue", stored.get("custom:team"));
    assertEquals(Cases.email(username), stored.get("email"), "an attribute not sent stays");
  }

  @Test
  void anImmutableAttributeIsRefusedAfterCreation(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    addCustomAttribute(target, pool, "fixed", false);
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);

    assertCognitoError(
        "InvalidParameterException",
        "user.custom:fixed: Attribute cannot be updated.",
        () -> adminUpdate(target, pool, username, attr("custom:fixed", "late")));
    assertFalse(adminAttributes(target, pool, username).containsKey("custom:fixed"));
  }

  @Test
  void anUnknownAttributeIsRefused(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);

    assertCognitoError(
        "InvalidParameterException",
        "Attributes did not conform to the schema: custom:nowhere: Attribute does not exist in the schema.",
        () -> adminUpdate(target, pool, username, attr("custom:nowhere", "x")));
  }

  @Test
  void aRequiredAttributeCannotBeDeleted(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);

    assertCognitoError(
        "InvalidParameterException",
        "Attributes did not conform to the schema: email: The attribute is required",
        () -> target.cognito()
            .adminDeleteUserAttributes(
                b -> b.userPoolId(pool.userPoolId()).username(username).userAttributeNames("email")));
    assertEquals(Cases.email(username), adminAttributes(target, pool, username).get("email"));
  }

  @Test
  void aChangedEmailIsNoLongerVerified(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    adminUpdate(target, pool, username, attr("email_verified", "true"));
    assertEquals("true", adminAttributes(target, pool, username).get("email_verified"));

    String changed = Cases.email(Cases.username());
    adminUpdate(target, pool, username, attr("email", changed));

    Map<String, String> stored = adminAttributes(target, pool, username);
    assertEquals(changed, stored.get("email"));
    assertEquals("false", stored.get("email_verified"));
  }
}
