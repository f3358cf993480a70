package dev.cognate.provision;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudFormation's leniency with scalars: a template may write {@code MinLength: 1} where the API takes a string, or
 * {@code Mutable: "true"} where it takes a boolean. Values are turned into the type the request record declares
 * before the strict wire binding sees them; anything else is left for the binding to refuse.
 */
final class Coercion {
  private Coercion() {}

  static Object coerce(Object value, Type target) {
    Class<?> raw = raw(target);
    if (value instanceof Map<?, ?> map && raw != null && raw.isRecord()) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), coerce(v, componentType(raw, String.valueOf(k)))));
      return out;
    }
    if (value instanceof List<?> list && raw == List.class && target instanceof ParameterizedType p) {
      List<Object> out = new ArrayList<>();
      list.forEach(item -> out.add(coerce(item, p.getActualTypeArguments()[0])));
      return out;
    }
    if (raw == String.class && (value instanceof Number || value instanceof Boolean)) {
      return String.valueOf(value);
    }
    if (value instanceof String text) {
      if (raw == Boolean.class && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
        return Boolean.parseBoolean(text);
      }
      if ((raw == Integer.class || raw == Long.class) && text.matches("-?\\d{1,18}")) {
        return Long.parseLong(text);
      }
    }
    return value;
  }

  private static Type componentType(Class<?> record, String name) {
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component.getGenericType();
      }
    }
    return Object.class;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }
}
