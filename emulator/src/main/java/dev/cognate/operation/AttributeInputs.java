package dev.cognate.operation;

import dev.cognate.operation.wire.AttributeType;
import dev.cognate.service.AttributeRules;
import java.util.List;

/** Attributes from the wire as the attribute rules read them. */
final class AttributeInputs {
  private AttributeInputs() {}

  static List<AttributeRules.Input> of(List<AttributeType> attributes) {
    return attributes == null
        ? List.of()
        : attributes.stream().map(a -> new AttributeRules.Input(a.Name(), a.Value())).toList();
  }
}
