package dev.cognate.operation;

import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.User;
import dev.cognate.domain.UserMfa;
import dev.cognate.service.MfaPreferences;
import java.util.List;

/** The MFA members of the preference operations and of GetUser / AdminGetUser. */
final class MfaSettingsTypes {
  private MfaSettingsTypes() {}

  /** SMSMfaSettingsType, SoftwareTokenMfaSettingsType and EmailMfaSettingsType share this shape. */
  record MfaSettingsType(Boolean Enabled, Boolean PreferredMfa) {
    static MfaPreferences.Setting of(MfaSettingsType given) {
      return given == null ? null : new MfaPreferences.Setting(given.Enabled(), given.PreferredMfa());
    }
  }

  /** MFAOptionType: the legacy description of SMS MFA only. */
  record MFAOptionType(String DeliveryMedium, String AttributeName) {}

  /** The factors turned on, or null (left out of the answer) when none is. */
  static List<String> settingList(User user) {
    List<String> on = user.mfa().enabled().stream().map(ChallengeName::name).toList();
    return on.isEmpty() ? null : on;
  }

  static String preferred(User user) {
    UserMfa mfa = user.mfa();
    return mfa.preferredFactor().filter(mfa.enabled()::contains).map(ChallengeName::name).orElse(null);
  }

  static List<MFAOptionType> options(User user) {
    return user.mfa().smsEnabled() ? List.of(new MFAOptionType("SMS", "phone_number")) : null;
  }
}
