package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.ChallengeSession;
import dev.cognate.domain.User;
import dev.cognate.domain.UserMfa;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.storage.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticator apps: AssociateSoftwareToken gives the user a new secret, held pending until VerifySoftwareToken
 * proves it with a code, and then the user's registered one. Both work for a signed-in user (access token) and for a
 * sign-in waiting at MFA_SETUP (session); there each step uses its session up and answers a new one, and a proof
 * also turns the authenticator on and prefers it, so the sign-in can complete.
 */
public final class SoftwareTokens {
  private final SecureRandom random;
  private final Users users;
  private final UserStore userStore;
  private final ChallengeSessions sessions;
  private final Directory directory;
  private final Clock clock;

  public SoftwareTokens(
      Users users,
      UserStore userStore,
      ChallengeSessions sessions,
      Directory directory,
      Clock clock,
      SecureRandom random) {
    this.random = random;
    this.users = users;
    this.userStore = userStore;
    this.sessions = sessions;
    this.directory = directory;
    this.clock = clock;
  }

  /** A new secret and, during MFA_SETUP, the session to go on with. */
  public record Associated(String secretCode, Optional<String> session) {}

  /** What VerifySoftwareToken answers: during MFA_SETUP, the session that completes the sign-in. */
  public record Verified(Optional<String> session) {}

  public Associated associate(User signedIn) {
    String secret = Totp.newSecret(random);
    users.change(signedIn, user -> user.withMfa(user.mfa().withPendingTotp(secret)));
    return new Associated(secret, Optional.empty());
  }

  public Associated associate(String session) {
    ChallengeSession waiting = sessions.open(ChallengeName.MFA_SETUP, session);
    User user = waitingUser(waiting);
    String secret = Totp.newSecret(random);
    users.change(
        user,
        u -> new Users.Decision<>(u.withMfa(u.mfa().withPendingTotp(secret)), null),
        (changed, none) -> sessions.consume(waiting));
    return new Associated(secret, Optional.of(reissue(waiting, user, Map.of()).session()));
  }

  public Verified verify(User signedIn, String code, String deviceName) {
    users.change(signedIn, user -> user.withMfa(proven(user, code).withVerifiedTotp(deviceName, false)));
    return new Verified(Optional.empty());
  }

  public Verified verify(String session, String code, String deviceName) {
    ChallengeSession waiting = sessions.open(ChallengeName.MFA_SETUP, session);
    User user = waitingUser(waiting);
    users.change(
        user,
        u -> new Users.Decision<>(u.withMfa(proven(u, code).withVerifiedTotp(deviceName, true)), null),
        (changed, none) -> sessions.consume(waiting));
    return new Verified(
        Optional.of(reissue(waiting, user, Map.of(MfaSetupChallenge.VERIFIED, "true")).session()));
  }

  /**
   * The code the user's authenticator shows now, for tests: from the registered secret, or the pending one while none
   * is registered; empty when the user has neither.
   */
  public Optional<String> currentCode(String userPoolId, String username) {
    UserMfa mfa = users.require(directory.pool(userPoolId), username).mfa();
    String secret = mfa.hasTotp() ? mfa.totpSecret() : mfa.pendingTotpSecret();
    return secret.isEmpty() ? Optional.empty() : Optional.of(Totp.code(secret, clock.instant()));
  }

  private UserMfa proven(User user, String code) {
    String pending = user.mfa().pendingTotpSecret();
    if (pending.isEmpty()) {
      throw new CognitoException(
          CognitoErrorType.SOFTWARE_TOKEN_MFA_NOT_FOUND, "Software Token MFA has not been associated with the user.");
    }
    if (!Totp.accepts(pending, code, clock.instant())) {
      throw new CognitoException(
          CognitoErrorType.ENABLE_SOFTWARE_TOKEN_MFA, "Code mismatch and fail enable Software Token MFA");
    }
    return user.mfa();
  }

  private User waitingUser(ChallengeSession waiting) {
    User user = userStore.findBySub(waiting.userPoolId(), waiting.userSub()).orElseThrow(ChallengeSessions::invalid);
    if (!user.enabled()) {
      throw CognitoException.notAuthorized("User is disabled.");
    }
    return user;
  }

  private SignInStep.Challenge reissue(ChallengeSession used, User user, Map<String, String> state) {
    ClientInPool target = directory.client(used.userPoolId(), used.clientId());
    return sessions.issue(target, user, ChallengeName.MFA_SETUP, Map.of(), state);
  }
}
