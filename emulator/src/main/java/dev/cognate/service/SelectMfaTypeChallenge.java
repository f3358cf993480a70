package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.util.Arrays;
import java.util.List;

/**
 * SELECT_MFA_TYPE: a user with several factors and no preferred one names the factor to use as {@code ANSWER}; the
 * sign-in goes on with that factor's challenge under a new session. {@code EMAIL_MFA}, the model's spelling in one
 * place, is taken for EMAIL_OTP.
 */
public final class SelectMfaTypeChallenge implements ChallengeHandler {
  private final ChallengeSessions sessions;
  private final MfaStep mfa;

  public SelectMfaTypeChallenge(ChallengeSessions sessions, MfaStep mfa) {
    this.sessions = sessions;
    this.mfa = mfa;
  }

  @Override
  public ChallengeName name() {
    return ChallengeName.SELECT_MFA_TYPE;
  }

  @Override
  public SignInStep respond(Answer answer) {
    String given = AuthFlows.required(answer.responses(), "ANSWER");
    String chosen = given.equals("EMAIL_MFA") ? ChallengeName.EMAIL_OTP.name() : given;
    List<String> choices = Arrays.asList(answer.session().state().getOrDefault(MfaStep.CHOICES, "").split(","));
    if (!choices.contains(chosen)) {
      throw new CognitoException(
          CognitoErrorType.MFA_METHOD_NOT_FOUND, "The MFA type " + given + " is not available for the user.");
    }
    sessions.consume(answer.session());
    return mfa.ask(answer.target(), answer.user(), ChallengeName.valueOf(chosen));
  }
}
