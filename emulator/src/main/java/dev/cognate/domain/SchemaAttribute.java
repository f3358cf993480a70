package dev.cognate.domain;

/** One attribute of a pool's schema; custom attributes carry their {@code custom:} prefix. */
public record SchemaAttribute(
    String name,
    String dataType,
    boolean developerOnly,
    boolean mutable,
    boolean required,
    String minLength,
    String maxLength,
    String minValue,
    String maxValue) {

  public boolean isString() {
    return "String".equals(dataType);
  }

  public boolean isNumber() {
    return "Number".equals(dataType);
  }
}
