package dev.cognate.service;

import dev.cognate.domain.ChallengeName;

/** SMS_MFA: the code sent to the user's phone number, as {@code SMS_MFA_CODE}. */
public final class SmsMfaChallenge extends MfaCodeChallenge {
  public SmsMfaChallenge(ChallengeSessions sessions, AfterPassword afterPassword) {
    super(sessions, afterPassword, "SMS_MFA_CODE");
  }

  @Override
  public ChallengeName name() {
    return ChallengeName.SMS_MFA;
  }
}
