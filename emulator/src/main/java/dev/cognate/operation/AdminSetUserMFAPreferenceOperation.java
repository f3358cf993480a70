package dev.cognate.operation;

import dev.cognate.operation.MfaSettingsTypes.MfaSettingsType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.MfaPreferences;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.Map;

/** AdminSetUserMFAPreference: SetUserMFAPreference for any user, by pool and username. */
public final class AdminSetUserMFAPreferenceOperation
    implements Operation<AdminSetUserMFAPreferenceOperation.AdminSetUserMFAPreferenceRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final MfaPreferences preferences;

  public AdminSetUserMFAPreferenceOperation(Directory directory, Users users, MfaPreferences preferences) {
    this.directory = directory;
    this.users = users;
    this.preferences = preferences;
  }

  public record AdminSetUserMFAPreferenceRequest(
      MfaSettingsType SMSMfaSettings,
      MfaSettingsType SoftwareTokenMfaSettings,
      MfaSettingsType EmailMfaSettings,
      Map<String, Object> WebAuthnMfaSettings,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId) {}

  @Override
  public String name() {
    return "AdminSetUserMFAPreference";
  }

  @Override
  public Class<AdminSetUserMFAPreferenceRequest> requestType() {
    return AdminSetUserMFAPreferenceRequest.class;
  }

  @Override
  public Empty handle(AdminSetUserMFAPreferenceRequest request, RequestContext context) {
    preferences.set(
        users.require(directory.pool(request.UserPoolId()), request.Username()),
        MfaSettingsType.of(request.SMSMfaSettings()),
        MfaSettingsType.of(request.SoftwareTokenMfaSettings()),
        MfaSettingsType.of(request.EmailMfaSettings()));
    return new Empty();
  }
}
