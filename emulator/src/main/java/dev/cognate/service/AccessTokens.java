package dev.cognate.service;

import dev.cognate.domain.User;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.SessionStore;
import dev.cognate.storage.UserStore;
import dev.cognate.token.AccessTokenVerifier;
import dev.cognate.token.AccessTokenVerifier.VerifiedAccessToken;
import java.time.Clock;

/** Resolves the access token of a token-authenticated operation to its user, refusing revoked sessions. */
public final class AccessTokens {
  private final AccessTokenVerifier verifier;
  private final SessionStore sessions;
  private final UserStore users;
  private final Clock clock;

  public AccessTokens(AccessTokenVerifier verifier, SessionStore sessions, UserStore users, Clock clock) {
    this.verifier = verifier;
    this.sessions = sessions;
    this.users = users;
    this.clock = clock;
  }

  public User user(String accessToken) {
    return signedIn(accessToken).user();
  }

  /** The user an access token speaks for, and the app client it was issued to. */
  public record SignedIn(User user, String clientId) {}

  public SignedIn signedIn(String accessToken) {
    VerifiedAccessToken token = verifier.verify(accessToken, clock.instant());
    boolean live = sessions.find(token.sessionId()).map(s -> !s.revoked()).orElse(false);
    if (!live) {
      throw CognitoException.notAuthorized("Access Token has been revoked");
    }
    User user = users.findBySub(token.userPoolId(), token.sub()).orElseThrow(Users::doesNotExist);
    return new SignedIn(user, token.clientId());
  }
}
