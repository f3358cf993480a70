package dev.cognate.service;

import dev.cognate.domain.ChallengeName;

/**
 * PASSWORD, a choice-based sign-in's password step when the password did not come along: answered with
 * {@code PASSWORD}, checked as InitiateAuth's password flows check it (lock-out, then what follows a right password).
 * The session is used up by the attempt, right or wrong.
 */
public final class PasswordChallenge implements ChallengeHandler {
  private final ChallengeSessions sessions;
  private final Authenticator authenticator;

  public PasswordChallenge(ChallengeSessions sessions, Authenticator authenticator) {
    this.sessions = sessions;
    this.authenticator = authenticator;
  }

  @Override
  public ChallengeName name() {
    return ChallengeName.PASSWORD;
  }

  @Override
  public SignInStep respond(Answer answer) {
    String password = AuthFlows.required(answer.responses(), "PASSWORD");
    sessions.consume(answer.session());
    return authenticator.withPassword(answer.target(), answer.user().username(), password, answer.issuer());
  }

  /** The password is hashed as a wrong one is, for a user who does not exist, and refused alike. */
  @Override
  public SignInStep respondToDecoy(Decoy decoy, ChallengeSessions sessions) {
    String password = AuthFlows.required(decoy.responses(), "PASSWORD");
    sessions.consume(decoy.session());
    return authenticator.withPassword(decoy.target(), decoy.username(), password, decoy.issuer());
  }
}
