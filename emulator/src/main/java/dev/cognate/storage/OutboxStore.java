package dev.cognate.storage;

import dev.cognate.domain.SentCode;
import java.util.List;

/** Every code sent, oldest first. */
public interface OutboxStore {
  void append(SentCode code, String signInEmail);

  /** Codes of one user, found by username or by the e-mail address the user signed up with. */
  List<SentCode> find(String userPoolId, String usernameOrEmail);

  /** Codes of every user of one pool. */
  List<SentCode> findAll(String userPoolId);
}
