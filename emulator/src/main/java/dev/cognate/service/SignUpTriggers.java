package dev.cognate.service;

import dev.cognate.TriggerKind;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.trigger.TriggerCalls;
import java.util.LinkedHashMap;
import java.util.Map;

/** The triggers around sign-up: Pre sign-up may confirm and verify the new user, or refuse them; Post confirmation. */
public final class SignUpTriggers {
  private final TriggerCalls triggers;

  public SignUpTriggers(TriggerCalls triggers) {
    this.triggers = triggers;
  }

  /** What Pre sign-up decided; nothing automatic when the pool has no such trigger. */
  public record PreSignUp(boolean autoConfirmUser, boolean autoVerifyEmail, boolean autoVerifyPhone) {}

  /**
   * Runs Pre sign-up for SignUp with the attributes, validation data and client metadata given; a trigger that
   * throws refuses the sign-up.
   */
  public PreSignUp preSignUp(
      UserPool pool,
      String clientId,
      String username,
      Map<String, String> attributes,
      Map<String, String> validationData,
      Map<String, String> clientMetadata) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("userAttributes", new LinkedHashMap<>(attributes));
    request.put("validationData", validationData);
    request.put("clientMetadata", clientMetadata == null ? Map.of() : clientMetadata);
    return triggers
        .call(
            TriggerKind.PRE_SIGN_UP,
            "PreSignUp_SignUp",
            new TriggerCalls.Caller(pool.id(), clientId, username),
            request)
        .map(
            r ->
                new PreSignUp(
                    TriggerCalls.flag(r, "autoConfirmUser"),
                    TriggerCalls.flag(r, "autoVerifyEmail"),
                    TriggerCalls.flag(r, "autoVerifyPhone")))
        .orElse(new PreSignUp(false, false, false));
  }

  /**
   * Runs Post confirmation once a user is confirmed; {@code clientId} is null for an administrator's confirmation.
   * The user stays confirmed whatever the trigger answers.
   */
  public void postConfirmation(UserPool pool, String clientId, User user) {
    Map<String, Object> attributes = new LinkedHashMap<>(user.attributes());
    attributes.put("cognito:user_status", user.status().name());
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("userAttributes", attributes);
    request.put("clientMetadata", Map.of());
    triggers.call(
        TriggerKind.POST_CONFIRMATION,
        "PostConfirmation_ConfirmSignUp",
        new TriggerCalls.Caller(pool.id(), clientId, user.username()),
        request);
  }
}
