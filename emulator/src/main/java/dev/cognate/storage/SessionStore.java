package dev.cognate.storage;

import dev.cognate.domain.AuthSession;
import java.util.Optional;

/** Sign-in sessions behind refresh tokens. */
public interface SessionStore {
  void insert(AuthSession session);

  Optional<AuthSession> findByTokenHash(String refreshTokenHash);

  Optional<AuthSession> find(String id);

  void revoke(String id);

  void revokeAll(String userPoolId, String userSub);
}
