package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.error.CognitoException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;

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
    ChallengeName chosen =
        chosen(answer.responses(), c -> ChoiceSignIn.available(answer.target(), answer.user()).contains(c));
    sessions.consume(answer.session());
    return choices.begin(answer.target(), answer.user(), chosen, answer.responses(), answer.issuer());
  }

  /**
   * An unknown user's choice is checked against what the decoy offered and goes on as a known user's would, with the
   * chosen factor's look-alike, so that no choice tells who exists.
   */
  @Override
  public SignInStep respondToDecoy(Decoy decoy, ChallengeSessions sessions) {
    ChallengeName chosen = chosen(decoy.responses(), c -> ChoiceSignIn.offeredToAnyone(decoy.target(), c));
    sessions.consume(decoy.session());
    return choices.beginDecoy(decoy.target(), decoy.username(), chosen, decoy.responses(), decoy.issuer());
  }

  /** The factor {@code ANSWER} names, refused unless it is one Cognate emulates and {@code available} allows. */
  private static ChallengeName chosen(Map<String, String> responses, Predicate<ChallengeName> available) {
    String chosen = AuthFlows.required(responses, "ANSWER");
    if (chosen.equals("SMS_OTP") || chosen.equals("WEB_AUTHN")) {
      throw ChoiceSignIn.notEmulated(chosen);
    }
    return Arrays.stream(ChallengeName.values())
        .filter(c -> c.name().equals(chosen) && available.test(c))
        .findFirst()
        .orElseThrow(
            () -> CognitoException.invalidParameter("The challenge " + chosen + " is not available for the user."));
  }
}
