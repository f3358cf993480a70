package dev.cognate.operation.wire;

import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.List;
import java.util.Map;

/** A user attribute on the wire. */
public record AttributeType(
    @Required @Length(min = 1, max = 32) @Pattern(Shapes.ATTRIBUTE_NAME) String Name,
    @Sensitive @Length(max = 2048) String Value) {

  public static List<AttributeType> of(Map<String, String> attributes) {
    return attributes.entrySet().stream().map(e -> new AttributeType(e.getKey(), e.getValue())).toList();
  }
}
