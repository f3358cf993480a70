package dev.cognate.operation.wire;

import dev.cognate.domain.SchemaAttribute;
import dev.cognate.validation.Length;
import dev.cognate.validation.OneOf;
import dev.cognate.validation.Pattern;

/** A schema attribute on the wire. */
public record SchemaAttributeType(
    @Length(min = 1, max = 20) @Pattern(Shapes.CUSTOM_ATTRIBUTE_NAME) String Name,
    @OneOf({"String", "Number", "DateTime", "Boolean"}) String AttributeDataType,
    Boolean DeveloperOnlyAttribute,
    Boolean Mutable,
    Boolean Required,
    NumberAttributeConstraintsType NumberAttributeConstraints,
    StringAttributeConstraintsType StringAttributeConstraints) {

  public static SchemaAttributeType of(SchemaAttribute a) {
    return new SchemaAttributeType(
        a.name(),
        a.dataType(),
        a.developerOnly(),
        a.mutable(),
        a.required(),
        a.minValue() == null && a.maxValue() == null
            ? null
            : new NumberAttributeConstraintsType(a.minValue(), a.maxValue()),
        a.minLength() == null && a.maxLength() == null
            ? null
            : new StringAttributeConstraintsType(a.minLength(), a.maxLength()));
  }

  /** Bounds of a Number attribute, as strings like the model has them. */
  public record NumberAttributeConstraintsType(String MinValue, String MaxValue) {}

  /** Length bounds of a String attribute, as strings like the model has them. */
  public record StringAttributeConstraintsType(String MinLength, String MaxLength) {}
}
