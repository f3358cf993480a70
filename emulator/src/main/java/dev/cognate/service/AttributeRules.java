package dev.cognate.service;

import dev.cognate.domain.SchemaAttribute;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks attributes a client sends against the pool's schema, with Cognito's messages. */
public final class AttributeRules {
  private static final String SCHEMA_ERROR = "Attributes did not conform to the schema: ";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+[0-9]{4,15}");

  private AttributeRules() {}

  /** One name and value as sent. */
  public record Input(String name, String value) {}

  /** The attributes of a new user, in the order sent, with every attribute the schema requires present. */
  public static Map<String, String> forNewUser(UserPool pool, List<Input> inputs) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Input input : inputs) {
      SchemaAttribute schema =
          pool.attribute(input.name())
              .filter(a -> !a.name().equals("sub"))
              .orElseThrow(
                  () ->
                      CognitoException.invalidParameter(
                          SCHEMA_ERROR + input.name() + ": Attribute does not exist in the schema."));
      String value = input.value() == null ? "" : input.value();
      checkValue(schema, value);
      attributes.put(input.name(), value);
    }
    for (SchemaAttribute required : pool.schema()) {
      if (required.required() && !required.name().equals("sub") && !attributes.containsKey(required.name())) {
        throw CognitoException.invalidParameter(SCHEMA_ERROR + required.name() + ": The attribute is required");
      }
    }
    return attributes;
  }

  private static void checkValue(SchemaAttribute schema, String value) {
    if (schema.name().equals("email") && !EMAIL.matcher(value).matches()) {
      throw CognitoException.invalidParameter("Invalid email address format.");
    }
    if (schema.name().equals("phone_number") && !PHONE.matcher(value).matches()) {
      throw CognitoException.invalidParameter("Invalid phone number format.");
    }
    if (schema.isString() && schema.maxLength() != null && value.length() > Integer.parseInt(schema.maxLength())) {
      throw CognitoException.invalidParameter(
          SCHEMA_ERROR + schema.name() + ": String must be no longer than " + schema.maxLength() + " characters");
    }
    if (schema.isNumber() && !value.matches("-?\\d+(\\.\\d+)?")) {
      throw CognitoException.invalidParameter(SCHEMA_ERROR + schema.name() + ": Number must be a number");
    }
  }
}
