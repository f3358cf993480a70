package dev.cognate.service;

import dev.cognate.domain.AuthSession;
import dev.cognate.domain.SrpVerifier;
import dev.cognate.domain.User;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.storage.SessionStore;
import dev.cognate.storage.UserStore;
import dev.cognate.token.IssuedTokens;
import dev.cognate.token.RefreshTokens;
import dev.cognate.token.TokenIssuer;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Password sign-in and refresh, shared by InitiateAuth and AdminInitiateAuth. */
public final class Authenticator {
  static final String INCORRECT = "Incorrect username or password.";
  // A sign-in is decided again only when the user changed meanwhile; this bound is reached only under
  // pathological contention.
  private static final int MAX_ATTEMPTS = 20;

  private final Users users;
  private final UserStore userStore;
  private final Passwords passwords;
  private final SessionStore sessions;
  private final TokenIssuer issuer;
  private final Clock clock;
  private final AfterPassword afterPassword;
  private final SignInLockout lockout;
  // Hashing against a throwaway hash for unknown users keeps their answer as slow as a wrong password's.
  private final String decoyHash;

  public Authenticator(
      Users users,
      UserStore userStore,
      Passwords passwords,
      SessionStore sessions,
      TokenIssuer issuer,
      Clock clock,
      AfterPassword afterPassword,
      SignInLockout lockout) {
    this.users = users;
    this.userStore = userStore;
    this.passwords = passwords;
    this.sessions = sessions;
    this.issuer = issuer;
    this.clock = clock;
    this.afterPassword = afterPassword;
    this.lockout = lockout;
    this.decoyHash = passwords.hash(UUID.randomUUID().toString());
  }

  /** Tokens, with a refresh token only when a new sign-in session began. */
  public record SignIn(IssuedTokens tokens, Optional<String> refreshToken) implements SignInStep {}

  /** Tokens, or the challenge the user must answer first. */
  public SignInStep withPassword(ClientInPool target, String username, String password, String issuerUrl) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<SignInStep> signIn = attempt(target, username, password, issuerUrl);
      if (signIn.isPresent()) {
        return signIn.get();
      }
    }
    throw new IllegalStateException("user " + username + " changed under every one of " + MAX_ATTEMPTS + " sign-ins");
  }

  /** A sign-in decided on the user as read, or empty when the user changed before its session could begin. */
  private Optional<SignInStep> attempt(ClientInPool target, String username, String password, String issuerUrl) {
    Optional<User> found = users.find(target.pool(), username);
    if (found.isEmpty()) {
      passwords.matches(password, decoyHash);
      throw target.client().preventUserExistenceErrors()
          ? CognitoException.notAuthorized(INCORRECT)
          : Users.doesNotExist();
    }
    User user = found.get();
    requireMaySignIn(target, user);
    lockout.requireUnlocked(user);
    if (!passwords.matches(user, password)) {
      lockout.countFailure(user);
      throw CognitoException.notAuthorized(INCORRECT);
    }
    if (user.srpVerifier().isEmpty()) {
      keepSrpVerifier(target, user, password);
      return Optional.empty();
    }
    if (lockout.clearAfterSuccess(user)) {
      return Optional.empty();
    }
    return afterPassword.next(target, user, issuerUrl);
  }

  /**
   * What refuses a known user before any password is looked at, whichever way the password is proved (a password
   * flow or SRP).
   */
  static void requireMaySignIn(ClientInPool target, User user) {
    if (!user.enabled()) {
      throw CognitoException.notAuthorized("User is disabled.");
    }
    // Cognito reports an unconfirmed user before it looks at the password.
    if (user.status() == UserStatus.UNCONFIRMED) {
      throw new CognitoException(CognitoErrorType.USER_NOT_CONFIRMED, "User is not confirmed.");
    }
    // After AdminResetUserPassword the old password no longer signs in, right or wrong; hiding clients get the
    // generic answer instead of learning the account exists.
    if (user.status() == UserStatus.RESET_REQUIRED) {
      throw target.client().preventUserExistenceErrors()
          ? CognitoException.notAuthorized(INCORRECT)
          : PasswordResets.resetRequired();
    }
  }

  /**
   * A user stored before SRP verifiers were kept gets one from the first right password, so that SRP signs them in
   * from then on; a password replaced meanwhile already came with its own.
   */
  private void keepSrpVerifier(ClientInPool target, User read, String password) {
    SrpVerifier verifier = passwords.verifier(target.pool().id(), read.username(), password);
    users.change(
        read,
        current ->
            current.srpVerifier().isEmpty() && Objects.equals(current.passwordHash(), read.passwordHash())
                ? current.withSrpVerifier(verifier)
                : current);
  }

  /**
   * New ID and access tokens for the session behind a refresh token. {@code secretHash} is checked against the
   * session's user, so it is known only after the token is.
   */
  public SignIn withRefreshToken(ClientInPool target, String refreshToken, String secretHash, String issuerUrl) {
    if (target.client().hasSecret() && secretHash == null) {
      SecretHash.verify(target.client(), "", null);
    }
    AuthSession session =
        sessions
            .findByTokenHash(RefreshTokens.hash(refreshToken))
            .filter(s -> s.clientId().equals(target.client().clientId()))
            .orElseThrow(() -> CognitoException.notAuthorized("Invalid Refresh Token."));
    Optional<User> owner = userStore.findBySub(session.userPoolId(), session.userSub());
    // Disabling a user revoked their sessions too; Cognito names the cause, not the revocation.
    if (owner.isPresent() && !owner.get().enabled()) {
      SecretHash.verify(target.client(), owner.get().username(), secretHash);
      throw CognitoException.notAuthorized("User is disabled.");
    }
    if (session.revoked()) {
      throw CognitoException.notAuthorized("Refresh Token has been revoked");
    }
    Instant now = clock.instant();
    if (!now.isBefore(session.expiresAt())) {
      throw CognitoException.notAuthorized("Refresh Token has expired");
    }
    User user = owner.orElseThrow(() -> CognitoException.notAuthorized("Invalid Refresh Token."));
    SecretHash.verify(target.client(), user.username(), secretHash);
    return new SignIn(issuer.issue(target.pool(), target.client(), user, session, issuerUrl, now), Optional.empty());
  }
}
