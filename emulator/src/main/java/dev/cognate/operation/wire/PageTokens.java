package dev.cognate.operation.wire;

import dev.cognate.error.CognitoException;
import dev.cognate.storage.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque pagination tokens over the store's positions. */
public final class PageTokens {
  private static final String PREFIX = "cognate-page:";

  private PageTokens() {}

  /** The position to list after: 0 for the first page. */
  public static long after(String token) {
    if (token == null) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith(PREFIX)) {
        return Long.parseLong(decoded.substring(PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw CognitoException.invalidParameter("Invalid pagination token " + token);
  }

  public static String next(Page<?> page) {
    return page.next().isPresent()
        ? Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((PREFIX + page.next().getAsLong()).getBytes(StandardCharsets.UTF_8))
        : null;
  }
}
