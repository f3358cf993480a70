package dev.cognate.service;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;

/**
 * A challenge answered with the code a sign-in sent by SMS or e-mail, kept hashed in the session. Each answer takes
 * one of the session's few comparisons ({@link ChallengeSessions#claimAnswer}), so the code may be typed again after a
 * typo but not guessed; a right one uses the session up.
 */
abstract class MfaCodeChallenge implements ChallengeHandler {
  private final ChallengeSessions sessions;
  private final AfterPassword afterPassword;
  private final String responseName;

  MfaCodeChallenge(ChallengeSessions sessions, AfterPassword afterPassword, String responseName) {
    this.sessions = sessions;
    this.afterPassword = afterPassword;
    this.responseName = responseName;
  }

  @Override
  public SignInStep respond(Answer answer) {
    String code = AuthFlows.required(answer.responses(), responseName);
    sessions.claimAnswer(answer.session());
    if (!MfaStep.codeMatches(answer.session().state(), code)) {
      throw wrongCode();
    }
    sessions.consume(answer.session());
    return afterPassword.nextAfterMfa(answer.target(), answer.user().sub(), answer.issuer());
  }

  static CognitoException wrongCode() {
    return new CognitoException(CognitoErrorType.CODE_MISMATCH, "Invalid code or auth state for the user.");
  }
}
