package dev.cognate.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an HTTP request a SigV4 signature covers, as they arrived: the path and query still percent-encoded,
 * header names in lower case with every value of a repeated header.
 */
record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

  SignedRequest {
    headers = Map.copyOf(headers);
  }

  Optional<String> header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
