package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.error.CognitoException;

/**
 * SELECT_CHALLENGE of a choice-based sign-in: {@code ANSWER} names a first factor the user can use; a password
 * ({@code PASSWORD}) or {@code SRP_A} given along completes that step in the same answer.
 */
public final class SelectChallenge implements ChallengeHandler {
  private final ChallengeSessions sessions;
  private final ChoiceSignIn choices;

  public SelectChallenge(ChallengeSessions sessions, ChoiceSignIn choices) {
    this.sessions = sessions;
    this.choices = choices;
  }

  @Override
  public ChallengeName name() {
    return ChallengeName.SELECT_CHALLENGE;
  }

  @Override
  public SignInStep respond(Answer answer) {
    String chosen = AuthFlows.required(answer.responses(), "ANSWER");
    if (chosen.equals("SMS_OTP") || chosen.equals("WEB_AUTHN")) {
      throw ChoiceSignIn.notEmulated(chosen);
    }
    boolean available =
        ChoiceSignIn.available(answer.target(), answer.user()).stream().anyMatch(c -> c.name().equals(chosen));
    if (!available) {
      throw CognitoException.invalidParameter("The challenge " + chosen + " is not available for the user.");
    }
    sessions.consume(answer.session());
    return choices.begin(
        answer.target(), answer.user(), ChallengeName.valueOf(chosen), answer.responses(), answer.issuer());
  }

  /**
   * An unknown user choosing a code by e-mail gets a look-alike of the code's challenge, as a known user would, so the
   * choice does not tell who exists; other choices answer as a wrong password does.
   */
  @Override
  public SignInStep respondToDecoy(Decoy decoy, ChallengeSessions sessions) {
    String chosen = AuthFlows.required(decoy.responses(), "ANSWER");
    if (chosen.equals(ChallengeName.EMAIL_OTP.name())
        && ChoiceSignIn.offeredToAnyone(decoy.target(), ChallengeName.EMAIL_OTP)) {
      sessions.consume(decoy.session());
      return choices.emailCodeDecoy(decoy.target(), decoy.username());
    }
    return ChallengeHandler.super.respondToDecoy(decoy, sessions);
  }
}
