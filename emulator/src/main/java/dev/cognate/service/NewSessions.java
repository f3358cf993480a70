package dev.cognate.service;

import dev.cognate.domain.AuthSession;
import dev.cognate.domain.User;
import dev.cognate.random.Randomness;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.storage.SessionStore;
import dev.cognate.token.IssuedTokens;
import dev.cognate.token.RefreshTokens;
import dev.cognate.token.TokenIssuer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Begins the refresh-token session a finished sign-in earns, and issues its first tokens. */
public final class NewSessions {
  private final SecureRandom random;
  private final SessionStore sessions;
  private final TokenIssuer issuer;
  private final Clock clock;

  public NewSessions(SessionStore sessions, TokenIssuer issuer, Clock clock, SecureRandom random) {
    this.random = random;
    this.sessions = sessions;
    this.issuer = issuer;
    this.clock = clock;
  }

  /** Tokens for the user as read, or empty when the user changed before the session could begin. */
  public Optional<Authenticator.SignIn> begin(ClientInPool target, User user, String issuerUrl) {
    Instant now = clock.instant();
    String refreshToken = RefreshTokens.newToken(random);
    AuthSession session =
        new AuthSession(
            Randomness.uuid(random).toString(),
            RefreshTokens.hash(refreshToken),
            target.pool().id(),
            target.client().clientId(),
            user.sub(),
            now,
            now.plus(target.client().tokenValidity().refresh()),
            false);
    if (!sessions.insertFor(user, session)) {
      return Optional.empty();
    }
    IssuedTokens tokens = issuer.issue(target.pool(), target.client(), user, session, issuerUrl, now);
    return Optional.of(new Authenticator.SignIn(tokens, Optional.of(refreshToken)));
  }
}
