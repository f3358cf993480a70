package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.User;
import dev.cognate.domain.UserMfa;
import dev.cognate.error.CognitoException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SetUserMFAPreference and AdminSetUserMFAPreference: which of SMS, authenticator app and e-mail the user has on, and
 * which one they prefer. A factor left out keeps its setting. A factor can be turned on only when it can reach the
 * user: a phone number for SMS, an e-mail address for e-mail, a verified authenticator for codes from an app.
 */
public final class MfaPreferences {
  private final Users users;

  public MfaPreferences(Users users) {
    this.users = users;
  }

  /** One factor's settings as given; null members leave that part as it is. */
  public record Setting(Boolean enabled, Boolean preferred) {}

  public void set(User read, Setting sms, Setting totp, Setting email) {
    Map<ChallengeName, Setting> given = new LinkedHashMap<>();
    putIfPresent(given, ChallengeName.SMS_MFA, sms);
    putIfPresent(given, ChallengeName.SOFTWARE_TOKEN_MFA, totp);
    putIfPresent(given, ChallengeName.EMAIL_OTP, email);
    long preferredCount = given.values().stream().filter(s -> Boolean.TRUE.equals(s.preferred())).count();
    if (preferredCount > 1) {
      throw CognitoException.invalidParameter("Only one MFA type can be set as preferred.");
    }
    users.change(read, user -> user.withMfa(changed(user, given)));
  }

  private static UserMfa changed(User user, Map<ChallengeName, Setting> given) {
    UserMfa mfa = user.mfa();
    boolean smsOn = mfa.smsEnabled();
    boolean totpOn = mfa.totpEnabled() && mfa.hasTotp();
    boolean emailOn = mfa.emailEnabled();
    String preferred = mfa.preferred();
    for (Map.Entry<ChallengeName, Setting> entry : given.entrySet()) {
      ChallengeName factor = entry.getKey();
      Setting setting = entry.getValue();
      if (setting.enabled() != null) {
        if (setting.enabled() && !reachable(user, factor)) {
          throw CognitoException.invalidParameter(
              "User does not have delivery config set to turn on " + factor.name());
        }
        switch (factor) {
          case SMS_MFA -> smsOn = setting.enabled();
          case SOFTWARE_TOKEN_MFA -> totpOn = setting.enabled();
          default -> emailOn = setting.enabled();
        }
      }
      if (Boolean.TRUE.equals(setting.preferred())) {
        preferred = factor.name();
      } else if (Boolean.FALSE.equals(setting.preferred()) && preferred.equals(factor.name())) {
        preferred = "";
      }
    }
    UserMfa result = mfa.withFactors(totpOn, smsOn, emailOn, preferred);
    if (!preferred.isEmpty() && !result.enabled().contains(ChallengeName.valueOf(preferred))) {
      Setting asked = given.get(ChallengeName.valueOf(preferred));
      if (asked != null && Boolean.TRUE.equals(asked.preferred())) {
        throw CognitoException.invalidParameter(
            "The preferred MFA type " + preferred + " is not enabled for the user.");
      }
      // Turning the preferred factor off drops the preference.
      result = mfa.withFactors(totpOn, smsOn, emailOn, "");
    }
    return result;
  }

  private static boolean reachable(User user, ChallengeName factor) {
    return switch (factor) {
      case SMS_MFA -> user.attribute("phone_number").isPresent();
      case SOFTWARE_TOKEN_MFA -> user.mfa().hasTotp();
      default -> user.attribute("email").isPresent();
    };
  }

  private static void putIfPresent(Map<ChallengeName, Setting> map, ChallengeName factor, Setting setting) {
    if (setting != null) {
      map.put(factor, setting);
    }
  }
}
