package dev.cognate;

import dev.cognate.domain.SentCode;
import java.util.List;
import java.util.Optional;

/** The codes the emulator has "sent", oldest first, for tests and people to read. */
public interface Outbox {

  /**
   * Codes sent to one user of one pool.
   *
   * @param username the username, or the e-mail address the user signed up with
   */
  List<SentCode> codes(String userPoolId, String username);

  /** Codes sent to every user of one pool, newest last. */
  List<SentCode> codes(String userPoolId);

  /** The newest code sent to that user, the one a real user would type in. */
  default Optional<String> lastCode(String userPoolId, String username) {
    List<SentCode> codes = codes(userPoolId, username);
    return codes.isEmpty() ? Optional.empty() : Optional.of(codes.get(codes.size() - 1).code());
  }
}
