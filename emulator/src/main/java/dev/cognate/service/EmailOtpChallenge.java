package dev.cognate.service;

import dev.cognate.domain.ChallengeName;

/**
 * EMAIL_OTP, as a second factor or as a choice-based sign-in's first (USER_AUTH): the code sent to the user's e-mail
 * address, as {@code EMAIL_OTP_CODE}. Either way no MFA challenge follows it.
 */
public final class EmailOtpChallenge extends MfaCodeChallenge {
  public EmailOtpChallenge(ChallengeSessions sessions, AfterPassword afterPassword) {
    super(sessions, afterPassword, "EMAIL_OTP_CODE");
  }

  @Override
  public ChallengeName name() {
    return ChallengeName.EMAIL_OTP;
  }

  /** An unknown user's code is never right, as a mistyped one is not, and takes one of the session's answers. */
  @Override
  public SignInStep respondToDecoy(Decoy decoy, ChallengeSessions sessions) {
    AuthFlows.required(decoy.responses(), "EMAIL_OTP_CODE");
    sessions.claimAnswer(decoy.session());
    throw wrongCode();
  }
}
