package dev.cognate.operation;

import dev.cognate.operation.MfaSettingsTypes.MfaSettingsType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.MfaPreferences;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.Map;

/** SetUserMFAPreference: the signed-in user turns their factors on or off and picks one, by access token. */
public final class SetUserMFAPreferenceOperation
    implements Operation<SetUserMFAPreferenceOperation.SetUserMFAPreferenceRequest, Empty> {
  private final AccessTokens tokens;
  private final MfaPreferences preferences;

  public SetUserMFAPreferenceOperation(AccessTokens tokens, MfaPreferences preferences) {
    this.tokens = tokens;
    this.preferences = preferences;
  }

  public record SetUserMFAPreferenceRequest(
      MfaSettingsType SMSMfaSettings,
      MfaSettingsType SoftwareTokenMfaSettings,
      MfaSettingsType EmailMfaSettings,
      Map<String, Object> WebAuthnMfaSettings,
      @Required @Sensitive @Pattern(Shapes.TOKEN) String AccessToken) {}

  @Override
  public String name() {
    return "SetUserMFAPreference";
  }

  @Override
  public Class<SetUserMFAPreferenceRequest> requestType() {
    return SetUserMFAPreferenceRequest.class;
  }

  @Override
  public Empty handle(SetUserMFAPreferenceRequest request, RequestContext context) {
    preferences.set(
        tokens.user(request.AccessToken()),
        MfaSettingsType.of(request.SMSMfaSettings()),
        MfaSettingsType.of(request.SoftwareTokenMfaSettings()),
        MfaSettingsType.of(request.EmailMfaSettings()));
    return new Empty();
  }
}
