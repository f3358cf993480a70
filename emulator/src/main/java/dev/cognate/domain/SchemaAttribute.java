package dev.cognate.domain;

import java.util.OptionalInt;
import java.util.OptionalLong;

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

  /** The longest a String attribute's value may be, in characters; also the model's bound on a value. */
  public static final int MAX_STRING_LENGTH = 2048;

  public boolean isString() {
    return "String".equals(dataType);
  }

  public boolean isNumber() {
    return "Number".equals(dataType);
  }

  /** The MaxLength bound; empty when absent or, in a pool stored before bounds were checked, not a length. */
  public OptionalInt maxLengthBound() {
    return length(maxLength);
  }

  /** The MinLength bound, read as {@link #maxLengthBound()} is. */
  public OptionalInt minLengthBound() {
    return length(minLength);
  }

  /** The MinValue bound of a Number attribute; empty when absent or not a whole number. */
  public OptionalLong minValueBound() {
    return wholeNumber(minValue);
  }

  /** The MaxValue bound of a Number attribute, read as {@link #minValueBound()} is. */
  public OptionalLong maxValueBound() {
    return wholeNumber(maxValue);
  }

  /** A length bound as Cognito accepts one: a whole number from 0 to {@link #MAX_STRING_LENGTH}. */
  public static OptionalInt length(String text) {
    OptionalLong n = wholeNumber(text);
    return n.isPresent() && n.getAsLong() >= 0 && n.getAsLong() <= MAX_STRING_LENGTH
        ? OptionalInt.of((int) n.getAsLong())
        : OptionalInt.empty();
  }

  /** A whole number that fits in 64 bits, written in plain decimal digits. */
  public static OptionalLong wholeNumber(String text) {
    if (text == null || !text.matches("-?[0-9]{1,19}")) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
