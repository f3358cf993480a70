package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import java.time.Clock;

/**
 * SOFTWARE_TOKEN_MFA: the current code of the user's authenticator app, as {@code SOFTWARE_TOKEN_MFA_CODE}. As with
 * sent codes, each answer takes one of the session's few comparisons ({@link ChallengeSessions#claimAnswer}).
 */
public final class SoftwareTokenMfaChallenge implements ChallengeHandler {
  private final ChallengeSessions sessions;
  private final AfterPassword afterPassword;
  private final Clock clock;

  public SoftwareTokenMfaChallenge(ChallengeSessions sessions, AfterPassword afterPassword, Clock clock) {
    this.sessions = sessions;
    this.afterPassword = afterPassword;
    this.clock = clock;
  }

  @Override
  public ChallengeName name() {
    return ChallengeName.SOFTWARE_TOKEN_MFA;
  }

  @Override
  public SignInStep respond(Answer answer) {
    String code = AuthFlows.required(answer.responses(), "SOFTWARE_TOKEN_MFA_CODE");
    String secret = answer.user().mfa().totpSecret();
    sessions.claimAnswer(answer.session());
    if (secret.isEmpty() || !Totp.accepts(secret, code, clock.instant())) {
      throw MfaCodeChallenge.wrongCode();
    }
    sessions.consume(answer.session());
    return afterPassword.nextAfterMfa(answer.target(), answer.user().sub(), answer.issuer());
  }
}
