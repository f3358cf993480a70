package dev.cognate.service;

import dev.cognate.domain.AppClient;
import dev.cognate.error.CognitoException;
import java.util.Collection;
import java.util.List;

/** A client's WriteAttributes: a client that lists them may set only those; one that lists none may set any. */
final class ClientWrites {
  private ClientWrites() {}

  static void check(AppClient client, Collection<String> names) {
    if (client.echoed().get("WriteAttributes") instanceof List<?> writable
        && !writable.isEmpty()
        && !writable.containsAll(names)) {
      throw CognitoException.notAuthorized("A client attempted to write unauthorized attribute");
    }
  }
}
