package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.error.CognitoException;
import java.util.Arrays;

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
   * An unknown user's choice is checked against what the decoy offered and goes on as a known user's would, with the
   * chosen factor's look-alike, so that no choice tells who exists.
   */
  @Override
  public SignInStep respondToDecoy(Decoy decoy, ChallengeSessions sessions) {
    String chosen = AuthFlows.required(decoy.responses(), "ANSWER");
    if (chosen.equals("SMS_OTP") || chosen.equals("WEB_AUTHN")) {
      throw ChoiceSignIn.notEmulated(chosen);
    }
    boolean offered =
        Arrays.stream(ChallengeName.values())
            .anyMatch(c -> c.name().equals(chosen) && ChoiceSignIn.offeredToAnyone(decoy.target(), c));
    if (!offered) {
      throw CognitoException.invalidParameter("The challenge " + chosen + " is not available for the user.");
    }
    sessions.consume(decoy.session());
    return choices.beginDecoy(
        decoy.target(), decoy.username(), ChallengeName.valueOf(chosen), decoy.responses(), decoy.issuer());
  }
}
