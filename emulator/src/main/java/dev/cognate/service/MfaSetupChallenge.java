package dev.cognate.service;

import dev.cognate.domain.ChallengeName;

/**
 * MFA_SETUP: answered with the session VerifySoftwareToken returned once the user's new authenticator proved itself;
 * the sign-in then completes without asking for a code again. The session the sign-in first returned, or one from
 * AssociateSoftwareToken, has not proved anything and is refused.
 */
public final class MfaSetupChallenge implements ChallengeHandler {
  static final String VERIFIED = "verified";

  private final ChallengeSessions sessions;
  private final AfterPassword afterPassword;

  public MfaSetupChallenge(ChallengeSessions sessions, AfterPassword afterPassword) {
    this.sessions = sessions;
    this.afterPassword = afterPassword;
  }

  @Override
  public ChallengeName name() {
    return ChallengeName.MFA_SETUP;
  }

  @Override
  public SignInStep respond(Answer answer) {
    if (!"true".equals(answer.session().state().get(VERIFIED))) {
      throw MfaCodeChallenge.wrongCode();
    }
    sessions.consume(answer.session());
    return afterPassword.nextAfterMfa(answer.target(), answer.user().sub(), answer.issuer());
  }
}
