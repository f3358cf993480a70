package dev.cognate.storage;

import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SentCode;
import java.time.Instant;
import java.util.List;

/** Every code sent, oldest first. */
public interface OutboxStore {
  void append(SentCode code, String signInEmail);

  /** Codes of one user, found by username or by the e-mail address the user signed up with. */
  List<SentCode> find(String userPoolId, String usernameOrEmail);

  /** How many codes of {@code purpose} went to the user with this stored username at or after {@code since}. */
  int countSince(String userPoolId, String username, CodePurpose purpose, Instant since);

  /** Codes of every user of one pool. */
  List<SentCode> findAll(String userPoolId);
}
