package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.User;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoException;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.storage.ParentGoneException;
import dev.cognate.storage.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What a sign-in answers once the password is known to be right, and again after each challenge it passes: a
 * temporary password asks for a new one (NEW_PASSWORD_REQUIRED); otherwise the sign-in is done and tokens are
 * issued, unless a second factor is due first ({@link MfaStep}); once that is passed, tokens.
 */
public final class AfterPassword {
  // The user changes between a decision and its session only under contention; each lost race means a change won.
  private static final int MAX_ATTEMPTS = 20;

  private final ChallengeSessions challenges;
  private final NewSessions sessions;
  private final UserStore users;
  private final MfaStep mfa;
  private final Clock clock;

  public AfterPassword(
      ChallengeSessions challenges, NewSessions sessions, UserStore users, MfaStep mfa, Clock clock) {
    this.challenges = challenges;
    this.sessions = sessions;
    this.users = users;
    this.mfa = mfa;
    this.clock = clock;
  }

  /** The next step for the user as read, or empty when the user changed before tokens could be issued. */
  public Optional<SignInStep> next(ClientInPool target, User user, String issuerUrl) {
    return next(target, user, issuerUrl, false);
  }

  private Optional<SignInStep> next(ClientInPool target, User user, String issuerUrl, boolean mfaPassed) {
    if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
      Duration validity = Duration.ofDays(target.pool().passwordPolicy().temporaryPasswordValidityDays());
      if (!clock.instant().isBefore(user.passwordSetAt().plus(validity))) {
        throw CognitoException.notAuthorized("User account has expired, it must be reset by an administrator.");
      }
      return Optional.of(
          challenges.issue(
              target,
              user,
              ChallengeName.NEW_PASSWORD_REQUIRED,
              NewPasswordChallenge.parameters(target.pool(), user),
              NewPasswordChallenge.state(user)));
    }
    if (!mfaPassed) {
      Optional<SignInStep.Challenge> secondFactor = mfa.challenge(target, user);
      if (secondFactor.isPresent()) {
        return Optional.of(secondFactor.get());
      }
    }
    return sessions.begin(target, user, issuerUrl).map(signIn -> signIn);
  }

  /**
   * The next step after a challenge changed the user, decided on the user as stored now. A user deleted (with their
   * pool, or alone) since the change took their session along: the request runs again and answers as if it had come
   * after the deletion.
   */
  public SignInStep nextAfterChallenge(ClientInPool target, String userSub, String issuerUrl) {
    return nextAfter(target, userSub, issuerUrl, false);
  }

  /** {@link #nextAfterChallenge} once the user passed their second factor: no MFA challenge follows. */
  public SignInStep nextAfterMfa(ClientInPool target, String userSub, String issuerUrl) {
    return nextAfter(target, userSub, issuerUrl, true);
  }

  private SignInStep nextAfter(ClientInPool target, String userSub, String issuerUrl, boolean mfaPassed) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      User user = users.findBySub(target.pool().id(), userSub).orElseThrow(ParentGoneException::new);
      if (!user.enabled()) {
        throw CognitoException.notAuthorized("User is disabled.");
      }
      Optional<SignInStep> step = next(target, user, issuerUrl, mfaPassed);
      if (step.isPresent()) {
        return step.get();
      }
    }
    throw new IllegalStateException("user " + userSub + " changed under every one of " + MAX_ATTEMPTS + " attempts");
  }
}
