package dev.cognate.service;

import dev.cognate.domain.ChallengeName;

/**
 * PASSWORD_SRP, a choice-based sign-in's SRP step when SRP_A did not come along: answered with {@code SRP_A}, it goes
 * on to the PASSWORD_VERIFIER challenge exactly as USER_SRP_AUTH does.
 */
public final class PasswordSrpChallenge implements ChallengeHandler {
  private final ChallengeSessions sessions;
  private final PasswordVerifierChallenge srp;

  public PasswordSrpChallenge(ChallengeSessions sessions, PasswordVerifierChallenge srp) {
    this.sessions = sessions;
    this.srp = srp;
  }

  @Override
  public ChallengeName name() {
    return ChallengeName.PASSWORD_SRP;
  }

  @Override
  public SignInStep respond(Answer answer) {
    String srpA = AuthFlows.required(answer.responses(), "SRP_A");
    sessions.consume(answer.session());
    return srp.start(answer.target(), answer.user().username(), srpA);
  }

  /** An unknown user's SRP_A gets the decoy PASSWORD_VERIFIER, as USER_SRP_AUTH gives them. */
  @Override
  public SignInStep respondToDecoy(Decoy decoy, ChallengeSessions sessions) {
    String srpA = AuthFlows.required(decoy.responses(), "SRP_A");
    sessions.consume(decoy.session());
    return srp.start(decoy.target(), decoy.username(), srpA);
  }
}
