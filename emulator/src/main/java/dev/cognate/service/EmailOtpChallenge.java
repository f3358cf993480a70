package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.service.Directory.ClientInPool;
import java.util.Map;

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

  /** An unknown user's code is never right, as a mistyped one is not. */
  @Override
  public SignInStep respondToDecoy(ClientInPool target, String username, Map<String, String> responses) {
    AuthFlows.required(responses, "EMAIL_OTP_CODE");
    throw wrongCode();
  }
}
