package dev.cognate.operation;

import dev.cognate.domain.SchemaAttribute;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.SchemaAttributeType;
import dev.cognate.operation.wire.SchemaAttributeType.NumberAttributeConstraintsType;
import dev.cognate.operation.wire.SchemaAttributeType.StringAttributeConstraintsType;
import java.util.List;

/** Schema entries from the wire as CreateUserPool and AddCustomAttributes both read them. */
final class SchemaEntries {
  private SchemaEntries() {}

  /** The entry's name; Cognito refuses an entry without one. */
  static String named(SchemaAttributeType entry) {
    if (entry.Name() == null) {
      throw CognitoException.invalidParameter("Schema attributes must have a Name.");
    }
    return entry.Name();
  }

  /** The custom attribute an entry defines, refused when its name is taken or it asks what Cognito refuses. */
  static SchemaAttribute custom(List<SchemaAttribute> schema, SchemaAttributeType entry) {
    String name = "custom:" + named(entry);
    if (indexOf(schema, name) >= 0) {
      throw CognitoException.invalidParameter("Existing attribute already has name " + entry.Name() + ".");
    }
    if (Boolean.TRUE.equals(entry.Required())) {
      throw CognitoException.invalidParameter("Required custom attributes are not supported currently.");
    }
    if (entry.AttributeDataType() == null) {
      throw CognitoException.invalidParameter(
          "Invalid AttributeDataType input, consider using the provided AttributeDataType enum.");
    }
    String type = entry.AttributeDataType();
    StringAttributeConstraintsType lengths = type.equals("String") ? entry.StringAttributeConstraints() : null;
    NumberAttributeConstraintsType values = type.equals("Number") ? entry.NumberAttributeConstraints() : null;
    return new SchemaAttribute(
        name,
        type,
        Boolean.TRUE.equals(entry.DeveloperOnlyAttribute()),
        entry.Mutable() == null || entry.Mutable(),
        false,
        lengths == null ? null : lengths.MinLength(),
        type.equals("String")
            ? lengths != null && lengths.MaxLength() != null
                ? lengths.MaxLength()
                : String.valueOf(SchemaAttribute.MAX_STRING_LENGTH)
            : null,
        values == null ? null : values.MinValue(),
        values == null ? null : values.MaxValue());
  }

  static int indexOf(List<SchemaAttribute> schema, String name) {
    for (int i = 0; i < schema.size(); i++) {
      if (schema.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
