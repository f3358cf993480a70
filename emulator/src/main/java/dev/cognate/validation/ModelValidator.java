package dev.cognate.validation;

import dev.cognate.error.CognitoException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request record against the service-model constraints declared on its components and reports every
 * failure at once, in the text AWS's front end uses ("2 validation errors detected: ...").
 */
public final class ModelValidator {
  private static final Map<Class<?>, List<MemberRule>> RULES = new ConcurrentHashMap<>();

  private ModelValidator() {}

  /** Throws {@code InvalidParameterException} listing all violations, or returns quietly. */
  public static void validate(Object request) {
    List<String> errors = new ArrayList<>();
    checkRecord(request, "", errors);
    if (!errors.isEmpty()) {
      String count =
          errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
      throw CognitoException.invalidParameter(count + String.join("; ", errors));
    }
  }

  private static void checkRecord(Object record, String prefix, List<String> errors) {
    for (MemberRule rule : RULES.computeIfAbsent(record.getClass(), ModelValidator::rulesOf)) {
      rule.check(record, prefix, errors);
    }
  }

  private static List<MemberRule> rulesOf(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a record");
    }
    return Arrays.stream(type.getRecordComponents()).map(MemberRule::new).toList();
  }

  private static final class MemberRule {
    private final RecordComponent component;
    private final String wireName;
    private final boolean required;
    private final boolean sensitive;
    private final Length length;
    private final Range range;
    private final java.util.regex.Pattern pattern;
    private final String patternText;
    private final List<String> oneOf;

    MemberRule(RecordComponent component) {
      this.component = component;
      component.getAccessor().setAccessible(true);
      String name = component.getName();
      this.wireName = Character.toLowerCase(name.charAt(0)) + name.substring(1);
      this.required = component.isAnnotationPresent(Required.class);
      this.sensitive = component.isAnnotationPresent(Sensitive.class);
      this.length = component.getAnnotation(Length.class);
      this.range = component.getAnnotation(Range.class);
      Pattern p = component.getAnnotation(Pattern.class);
      this.patternText = p == null ? null : p.value();
      this.pattern = p == null ? null : java.util.regex.Pattern.compile(p.value());
      OneOf values = component.getAnnotation(OneOf.class);
      this.oneOf = values == null ? null : List.of(values.value());
    }

    void check(Object record, String prefix, List<String> errors) {
      Object value = read(record);
      String path = prefix + wireName;
      if (value == null) {
        if (required) {
          errors.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
        }
        return;
      }
      if (value instanceof String text) {
        checkString(text, path, errors);
      } else if (value instanceof Number number) {
        checkNumber(number.longValue(), path, errors);
      } else if (value instanceof List<?> list) {
        checkList(list, path, errors);
      } else if (value.getClass().isRecord()) {
        checkRecord(value, path + ".", errors);
      }
    }

    private void checkString(String text, String path, List<String> errors) {
      int size = text.codePointCount(0, text.length());
      if (length != null && length.min() >= 0 && size < length.min()) {
        errors.add(fail(text, path, "Member must have length greater than or equal to " + length.min()));
      }
      if (length != null && length.max() >= 0 && size > length.max()) {
        errors.add(fail(text, path, "Member must have length less than or equal to " + length.max()));
      }
      if (pattern != null && !pattern.matcher(text).matches()) {
        errors.add(fail(text, path, "Member must satisfy regular expression pattern: " + patternText));
      }
      if (oneOf != null && !oneOf.contains(text)) {
        errors.add(fail(text, path, "Member must satisfy enum value set: " + oneOf));
      }
    }

    private void checkNumber(long number, String path, List<String> errors) {
      if (range == null) {
        return;
      }
      if (number < range.min()) {
        errors.add(fail(number, path, "Member must have value greater than or equal to " + range.min()));
      }
      if (number > range.max()) {
        errors.add(fail(number, path, "Member must have value less than or equal to " + range.max()));
      }
    }

    private void checkList(List<?> list, String path, List<String> errors) {
      if (length != null && length.min() >= 0 && list.size() < length.min()) {
        errors.add(fail(list, path, "Member must have length greater than or equal to " + length.min()));
      }
      if (length != null && length.max() >= 0 && list.size() > length.max()) {
        errors.add(fail(list, path, "Member must have length less than or equal to " + length.max()));
      }
      if (oneOf != null && list.stream().anyMatch(item -> !oneOf.contains(item))) {
        errors.add(
            fail(list, path, "Member must satisfy constraint: [Member must satisfy enum value set: " + oneOf + "]"));
      }
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        if (item != null && item.getClass().isRecord()) {
          checkRecord(item, path + "." + (i + 1) + ".member.", errors);
        }
      }
    }

    private String fail(Object value, String path, String constraint) {
      String shown = sensitive || holdsStructures(value) ? "Value" : "Value '" + value + "'";
      return shown + " at '" + path + "' failed to satisfy constraint: " + constraint;
    }

    /** A list of structures has no wire text of its own here; Java's would name our classes, so none is shown. */
    private static boolean holdsStructures(Object value) {
      return value instanceof List<?> list
          && list.stream().anyMatch(item -> item != null && item.getClass().isRecord());
    }

    private Object read(Object record) {
      try {
        return component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
    }
  }
}
