package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static dev.cognate.support.Users.APP_PASSWORD;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;

/** AddCustomAttributes: new custom attributes join the schema, with CreateUserPool's checks and Cognito's quota. */
class AddCustomAttributesIT {
  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.start();
  private static final CognitoIdentityProviderClient COGNITO = EMULATOR.cognito();

  private static SchemaAttributeType text(String name) {
    return SchemaAttributeType.builder().name(name).attributeDataType(AttributeDataType.STRING).build();
  }

  private static void add(String poolId, SchemaAttributeType... attributes) {
    COGNITO.addCustomAttributes(r -> r.userPoolId(poolId).customAttributes(attributes));
  }

  private static SchemaAttributeType described(String poolId, String name) {
    return COGNITO.describeUserPool(r -> r.userPoolId(poolId)).userPool().schemaAttributes().stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in the schema"));
  }

  @Test
  void addedAttributesAreDescribedAndAcceptedAtSignUp() {
    Pool pool = Pools.appPool(COGNITO);
    add(pool.poolId(), text("team"), SchemaAttributeType.builder().name("level")
        .attributeDataType(AttributeDataType.NUMBER).mutable(false)
        .numberAttributeConstraints(c -> c.minValue("1").maxValue("9")).build());

    SchemaAttributeType level = described(pool.poolId(), "custom:level");
    assertEquals(AttributeDataType.NUMBER, level.attributeDataType());
    assertEquals(false, level.mutable());
    assertEquals("9", level.numberAttributeConstraints().maxValue());
    assertEquals("2048", described(pool.poolId(), "custom:team").stringAttributeConstraints().maxLength());

    signUp(COGNITO, pool.clientId(), "alice", APP_PASSWORD,
        attr("email", "alice@example.com"), attr("custom:team", "blue"), attr("custom:level", "3"));
    assertInvalidParameter("Attributes did not conform to the schema: custom:level: Number must be no greater than 9",
        () -> signUp(COGNITO, pool.clientId(), "bob", APP_PASSWORD,
            attr("email", "bob@example.com"), attr("custom:level", "10")));
  }

  @Test
  void aNameAlreadyInTheSchemaIsRefusedAndNothingIsAdded() {
    Pool pool = Pools.appPool(COGNITO);
    add(pool.poolId(), text("team"));
    assertInvalidParameter("Existing attribute already has name team.", () -> add(pool.poolId(), text("team")));
    assertInvalidParameter(
        "Existing attribute already has name dept.", () -> add(pool.poolId(), text("dept"), text("dept")));
    assertTrue(COGNITO.describeUserPool(r -> r.userPoolId(pool.poolId())).userPool().schemaAttributes().stream()
        .noneMatch(a -> a.name().equals("custom:dept")), "a refused call adds none of its attributes");
  }

  @Test
  void definitionsAreCheckedAsCreateUserPoolChecksThem() {
    Pool pool = Pools.appPool(COGNITO);
    assertInvalidParameter("Required custom attributes are not supported currently.",
        () -> add(pool.poolId(), text("a").toBuilder().required(true).build()));
    assertInvalidParameter(
        "Invalid AttributeDataType input, consider using the provided AttributeDataType enum.",
        () -> add(pool.poolId(), SchemaAttributeType.builder().name("b").build()));
    assertInvalidParameter(
        "StringAttributeConstraints.MaxLength of attribute custom:nick must be a whole number from 0 to 2048.",
        () -> add(pool.poolId(), text("nick").toBuilder().stringAttributeConstraints(c -> c.maxLength("3000")).build()));
    assertInvalidParameter("Schema attributes must have a Name.",
        () -> add(pool.poolId(), SchemaAttributeType.builder().attributeDataType(AttributeDataType.STRING).build()));
  }

  @Test
  void aPoolHoldsAtMostFiftyCustomAttributes() {
    Pool pool = Pools.appPool(COGNITO);
    add(pool.poolId(), IntStream.range(0, 25).mapToObj(i -> text("a" + i)).toArray(SchemaAttributeType[]::new));
    add(pool.poolId(), IntStream.range(0, 25).mapToObj(i -> text("b" + i)).toArray(SchemaAttributeType[]::new));
    assertInvalidParameter("A user pool can have at most 50 custom attributes.", () -> add(pool.poolId(), text("c")));
    System.out.println("AddCustomAttributesIT: 50 custom attributes added in two calls; the 51st was refused");
  }

  @Test
  void anUnknownPoolOrAnEmptyListIsRefused() {
    assertCognitoError(ResourceNotFoundException.class, "User pool us-east-1_zzzzzzzzz does not exist.",
        () -> add("us-east-1_zzzzzzzzz", text("team")));
    Pool pool = Pools.appPool(COGNITO);
    assertInvalidParameter(
        "1 validation error detected: Value '[]' at 'customAttributes' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1",
        () -> COGNITO.addCustomAttributes(r -> r.userPoolId(pool.poolId()).customAttributes(List.of())));
  }
}
