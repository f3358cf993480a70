package dev.cognate.storage;

import dev.cognate.domain.AuthSession;
import dev.cognate.domain.User;
import java.util.Optional;

/** Sign-in sessions behind refresh tokens. */
public interface SessionStore {
  /**
   * Stores a new session of {@code user} only if the user is still stored at the version the sign-in was decided
   * on; the user's row stays locked until the transaction ends, so a concurrent delete revokes this session too
   * or finds it never began. False when the user changed or went meanwhile.
   */
  boolean insertFor(User user, AuthSession session);

  Optional<AuthSession> findByTokenHash(String refreshTokenHash);

  Optional<AuthSession> find(String id);

  void revoke(String id);

  void revokeAll(String userPoolId, String userSub);
}
