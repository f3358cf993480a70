package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static dev.cognate.support.Users.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;

/** CreateUserPool refuses a schema that it could not enforce, so that no pool exists whose sign-ups all fail. */
class UserPoolSchemaIT {
  private static final String PASSWORD = "Passw0rd!";

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  static Stream<Arguments> refusedSchemas() {
    return Stream.of(
        refused(
            "MaxLength not a number",
            custom("nick", AttributeDataType.STRING).stringAttributeConstraints(s -> s.maxLength("abc")),
            "StringAttributeConstraints.MaxLength of attribute custom:nick must be a whole number from 0 to 2048."),
        refused(
            "MaxLength beyond an int",
            custom("nick", AttributeDataType.STRING).stringAttributeConstraints(s -> s.maxLength("99999999999")),
            "StringAttributeConstraints.MaxLength of attribute custom:nick must be a whole number from 0 to 2048."),
        refused(
            "MaxLength above 2048",
            custom("nick", AttributeDataType.STRING).stringAttributeConstraints(s -> s.maxLength("2049")),
            "StringAttributeConstraints.MaxLength of attribute custom:nick must be a whole number from 0 to 2048."),
        refused(
            "negative MinLength",
            custom("nick", AttributeDataType.STRING).stringAttributeConstraints(s -> s.minLength("-1")),
            "StringAttributeConstraints.MinLength of attribute custom:nick must be a whole number from 0 to 2048."),
        refused(
            "MinLength above MaxLength",
            custom("nick", AttributeDataType.STRING).stringAttributeConstraints(s -> s.minLength("10").maxLength("5")),
            "StringAttributeConstraints.MinLength of attribute custom:nick must not be greater than its MaxLength."),
        refused(
            "standard MaxLength not a number",
            SchemaAttributeType.builder()
                .name("given_name")
                .attributeDataType(AttributeDataType.STRING)
                .stringAttributeConstraints(s -> s.maxLength("many")),
            "StringAttributeConstraints.MaxLength of attribute given_name must be a whole number from 0 to 2048."),
        refused(
            "MinValue not a number",
            custom("age", AttributeDataType.NUMBER).numberAttributeConstraints(n -> n.minValue("young")),
            "NumberAttributeConstraints.MinValue of attribute custom:age must be a whole number."),
        refused(
            "MaxValue beyond a long",
            custom("age", AttributeDataType.NUMBER).numberAttributeConstraints(n -> n.maxValue("1e400")),
            "NumberAttributeConstraints.MaxValue of attribute custom:age must be a whole number."),
        refused(
            "MinValue above MaxValue",
            custom("age", AttributeDataType.NUMBER).numberAttributeConstraints(n -> n.minValue("10").maxValue("9")),
            "NumberAttributeConstraints.MinValue of attribute custom:age must not be greater than its MaxValue."),
        refused(
            "custom attribute without a type",
            SchemaAttributeType.builder().name("untyped"),
            "Invalid AttributeDataType input, consider using the provided AttributeDataType enum."),
        refused(
            "standard attribute with another type",
            SchemaAttributeType.builder().name("email").attributeDataType(AttributeDataType.NUMBER),
            "You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email"),
        refused(
            "standard attribute made developer-only",
            SchemaAttributeType.builder()
                .name("email")
                .attributeDataType(AttributeDataType.STRING)
                .developerOnlyAttribute(true),
            "You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email"));
  }

  private static SchemaAttributeType.Builder custom(String name, AttributeDataType type) {
    return SchemaAttributeType.builder().name(name).attributeDataType(type);
  }

  private static Arguments refused(String what, SchemaAttributeType.Builder attribute, String message) {
    return Arguments.of(what, attribute.build(), message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedSchemas")
  void schemaIsRefusedAndNoPoolIsStored(String what, SchemaAttributeType attribute, String message) {
    assertInvalidParameter(message, () -> cognito.createUserPool(r -> r.poolName("bad-schema").schema(attribute)));
    assertEquals(0, cognito.listUserPools(r -> r.maxResults(60)).userPools().size(), what);
  }

  @Test
  void boundsAtTheirLimitsAreAcceptedAndEnforced() {
    Pool pool =
        pool(
            b -> b.schema(
                custom("nick", AttributeDataType.STRING)
                    .stringAttributeConstraints(s -> s.minLength("2048").maxLength("2048"))
                    .build(),
                custom("age", AttributeDataType.NUMBER)
                    .numberAttributeConstraints(n -> n.minValue("-5").maxValue("-5"))
                    .build(),
                SchemaAttributeType.builder()
                    .name("email")
                    .attributeDataType(AttributeDataType.STRING)
                    .developerOnlyAttribute(false)
                    .stringAttributeConstraints(s -> s.minLength("0").maxLength("64"))
                    .build()));

    cognito.signUp(
        r -> r.clientId(pool.clientId())
            .username("fits")
            .password(PASSWORD)
            .userAttributes(attr("custom:nick", "n".repeat(2048)), attr("custom:age", "-5")));
    assertInvalidParameter(
        "Attributes did not conform to the schema: email: String must be no longer than 64 characters",
        () -> cognito.signUp(
            r -> r.clientId(pool.clientId())
                .username("long-email")
                .password(PASSWORD)
                .userAttributes(attr("email", "e".repeat(60) + "@example.com"))));
  }

  private Pool pool(Consumer<CreateUserPoolRequest.Builder> b) {
    return Pools.pool(cognito, b, c -> {});
  }
}
