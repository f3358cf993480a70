package dev.cognate.service;

import dev.cognate.domain.SchemaAttribute;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Checks attributes a client sends against the pool's schema, with Cognito's messages. */
public final class AttributeRules {
  private static final String SCHEMA_ERROR = "Attributes did not conform to the schema: ";
  private static final String DEVELOPER_PREFIX = "dev:";
  // No control characters: a value may wait beside its verification code in storage's packed code list.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+");
  private static final Pattern PHONE = Pattern.compile("\\+[0-9]{4,15}");

  private AttributeRules() {}

  /** One name and value as sent. */
  public static boolean isEmail(String value) {
    return EMAIL.matcher(value).matches();
  }

  public static boolean isPhoneNumber(String value) {
    return PHONE.matcher(value).matches();
  }

  public record Input(String name, String value) {}

  /**
   * The attributes of a new user, in the order sent, with every attribute the schema requires present; an attribute
   * the writer may not write is refused as Cognito refuses it.
   */
  public static Map<String, String> forNewUser(UserPool pool, List<Input> inputs, Predicate<String> writable) {
    Map<String, String> attributes = checked(pool, inputs, writable);
    missingRequired(pool, attributes).stream().findFirst().ifPresent(name -> {
      throw required(name);
    });
    return attributes;
  }

  /** The attributes sent, in the order sent, each one in the schema and with a value the schema accepts. */
  public static Map<String, String> checked(UserPool pool, List<Input> inputs) {
    return checked(pool, inputs, name -> true);
  }

  /** {@link #checked(UserPool, List)}, refusing an attribute that {@code writable} says the writer may not write. */
  public static Map<String, String> checked(UserPool pool, List<Input> inputs, Predicate<String> writable) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Input input : inputs) {
      SchemaAttribute schema =
          schemaOf(pool, input.name())
              .filter(a -> !a.name().equals("sub"))
              .orElseThrow(() -> notInSchema(input.name()));
      if (!writable.test(input.name())) {
        throw unauthorizedWrite();
      }
      String value = input.value() == null ? "" : input.value();
      checkValue(schema, value);
      attributes.put(input.name(), value);
    }
    return attributes;
  }

  /** The schema's required attributes that {@code attributes} lacks, in schema order. */
  public static List<String> missingRequired(UserPool pool, Map<String, String> attributes) {
    return pool.schema().stream()
        .filter(a -> a.required() && !a.name().equals("sub") && !attributes.containsKey(a.name()))
        .map(SchemaAttribute::name)
        .toList();
  }

  /**
   * The schema entry of a user attribute as named on a user: {@code dev:custom:x} is the developer-only attribute
   * the schema lists as {@code custom:x}, which is not reachable under its {@code custom:} name.
   */
  public static Optional<SchemaAttribute> schemaOf(UserPool pool, String name) {
    if (name.startsWith(DEVELOPER_PREFIX)) {
      return pool.attribute(name.substring(DEVELOPER_PREFIX.length())).filter(SchemaAttribute::developerOnly);
    }
    return pool.attribute(name).filter(a -> !a.developerOnly());
  }

  public static CognitoException notInSchema(String name) {
    return CognitoException.invalidParameter(SCHEMA_ERROR + name + ": Attribute does not exist in the schema.");
  }

  public static CognitoException required(String name) {
    return CognitoException.invalidParameter(SCHEMA_ERROR + name + ": The attribute is required");
  }

  /** An attribute whose schema says {@code Mutable: false}, written after the user was created. */
  public static CognitoException immutable(String name) {
    return CognitoException.invalidParameter("user." + name + ": Attribute cannot be updated.");
  }

  /** An app client writing an attribute it has no write permission for (WriteAttributes, dev:, verified flags). */
  public static CognitoException unauthorizedWrite() {
    return CognitoException.notAuthorized("A client attempted to write unauthorized attribute");
  }

  /**
   * Refuses a schema attribute whose bounds Cognate could not enforce: lengths must be whole numbers from 0 to
   * 2048, values whole numbers, and no lower bound above its upper bound.
   */
  public static void checkDefinition(SchemaAttribute attribute) {
    if (attribute.isString()) {
      String prefix = "StringAttributeConstraints.";
      OptionalInt min = lengthBound(attribute, prefix + "MinLength", attribute.minLength());
      OptionalInt max = lengthBound(attribute, prefix + "MaxLength", attribute.maxLength());
      if (min.isPresent() && max.isPresent() && min.getAsInt() > max.getAsInt()) {
        throw notGreater(attribute, prefix + "MinLength", "MaxLength");
      }
    }
    if (attribute.isNumber()) {
      String prefix = "NumberAttributeConstraints.";
      OptionalLong min = valueBound(attribute, prefix + "MinValue", attribute.minValue());
      OptionalLong max = valueBound(attribute, prefix + "MaxValue", attribute.maxValue());
      if (min.isPresent() && max.isPresent() && min.getAsLong() > max.getAsLong()) {
        throw notGreater(attribute, prefix + "MinValue", "MaxValue");
      }
    }
  }

  private static OptionalInt lengthBound(SchemaAttribute attribute, String member, String text) {
    if (text == null) {
      return OptionalInt.empty();
    }
    OptionalInt bound = SchemaAttribute.length(text);
    if (bound.isEmpty()) {
      throw CognitoException.invalidParameter(
          member + " of attribute " + attribute.name() + " must be a whole number from 0 to "
              + SchemaAttribute.MAX_STRING_LENGTH + ".");
    }
    return bound;
  }

  private static OptionalLong valueBound(SchemaAttribute attribute, String member, String text) {
    if (text == null) {
      return OptionalLong.empty();
    }
    OptionalLong bound = SchemaAttribute.wholeNumber(text);
    if (bound.isEmpty()) {
      throw CognitoException.invalidParameter(
          member + " of attribute " + attribute.name() + " must be a whole number.");
    }
    return bound;
  }

  private static CognitoException notGreater(SchemaAttribute attribute, String member, String upper) {
    return CognitoException.invalidParameter(
        member + " of attribute " + attribute.name() + " must not be greater than its " + upper + ".");
  }

  /** Checks one non-empty value against its schema entry: format of e-mail and phone, lengths, numbers. */
  public static void checkValue(SchemaAttribute schema, String value) {
    if (schema.name().equals("email") && !EMAIL.matcher(value).matches()) {
      throw CognitoException.invalidParameter("Invalid email address format.");
    }
    if (schema.name().equals("phone_number") && !PHONE.matcher(value).matches()) {
      throw CognitoException.invalidParameter("Invalid phone number format.");
    }
    if (schema.isString()) {
      checkLength(schema, value);
    }
    if (schema.isNumber()) {
      checkNumber(schema, value);
    }
  }

  private static void checkLength(SchemaAttribute schema, String value) {
    // Cognito counts characters as code points, as its model validation does.
    int length = value.codePointCount(0, value.length());
    OptionalInt max = schema.maxLengthBound();
    if (max.isPresent() && length > max.getAsInt()) {
      throw CognitoException.invalidParameter(
          SCHEMA_ERROR + schema.name() + ": String must be no longer than " + max.getAsInt() + " characters");
    }
    OptionalInt min = schema.minLengthBound();
    if (min.isPresent() && length < min.getAsInt()) {
      throw CognitoException.invalidParameter(
          SCHEMA_ERROR + schema.name() + ": String must be no shorter than " + min.getAsInt() + " characters");
    }
  }

  private static void checkNumber(SchemaAttribute schema, String value) {
    if (!value.matches("-?\\d+(\\.\\d+)?")) {
      throw CognitoException.invalidParameter(SCHEMA_ERROR + schema.name() + ": Number must be a number");
    }
    BigDecimal number = new BigDecimal(value);
    OptionalLong min = schema.minValueBound();
    if (min.isPresent() && number.compareTo(BigDecimal.valueOf(min.getAsLong())) < 0) {
      throw CognitoException.invalidParameter(
          SCHEMA_ERROR + schema.name() + ": Number must be no less than " + min.getAsLong());
    }
    OptionalLong max = schema.maxValueBound();
    if (max.isPresent() && number.compareTo(BigDecimal.valueOf(max.getAsLong())) > 0) {
      throw CognitoException.invalidParameter(
          SCHEMA_ERROR + schema.name() + ": Number must be no greater than " + max.getAsLong());
    }
  }
}
