package dev.cognate.operation.wire;

import dev.cognate.error.CognitoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The members of an {@code IdpIdentifiers} list, checked against the model's IdpIdentifierType (the request
 * validator checks the list's own size), in the text AWS uses for constraints on list members.
 */
public final class IdpIdentifiers {
  private static final Pattern IDENTIFIER = Pattern.compile(Shapes.IDP_IDENTIFIER);

  private IdpIdentifiers() {}

  public static Optional<List<String>> checked(List<String> identifiers) {
    if (identifiers == null) {
      return Optional.empty();
    }
    List<String> failures = new ArrayList<>();
    if (identifiers.stream().anyMatch(i -> i == null || i.isEmpty())) {
      failures.add("Member must have length greater than or equal to 1");
    }
    if (identifiers.stream().anyMatch(i -> i != null && i.codePointCount(0, i.length()) > 40)) {
      failures.add("Member must have length less than or equal to 40");
    }
    if (identifiers.stream().anyMatch(i -> i != null && !i.isEmpty() && !IDENTIFIER.matcher(i).matches())) {
      failures.add("Member must satisfy regular expression pattern: " + Shapes.IDP_IDENTIFIER);
    }
    if (!failures.isEmpty()) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value '" + identifiers + "' at 'idpIdentifiers' failed to satisfy"
              + " constraint: Member must satisfy constraint: [" + String.join(", ", failures) + "]");
    }
    return Optional.of(identifiers);
  }
}
