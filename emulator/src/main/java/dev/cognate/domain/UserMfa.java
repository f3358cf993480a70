package dev.cognate.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A user's second factors: the authenticator app's secret once a code proved it ({@code totpSecret}) and one waiting
 * for that proof ({@code pendingTotpSecret}), which factors the user turned on, and the one they prefer. {@code ""}
 * stands for none, so that the stored form has no nulls.
 */
public record UserMfa(
    String totpSecret,
    String pendingTotpSecret,
    String friendlyDeviceName,
    boolean totpEnabled,
    boolean smsEnabled,
    boolean emailEnabled,
    String preferred) {

  public static final UserMfa NONE = new UserMfa("", "", "", false, false, false, "");

  public UserMfa {
    totpSecret = totpSecret == null ? "" : totpSecret;
    pendingTotpSecret = pendingTotpSecret == null ? "" : pendingTotpSecret;
    friendlyDeviceName = friendlyDeviceName == null ? "" : friendlyDeviceName;
    preferred = preferred == null ? "" : preferred;
  }

  public boolean hasTotp() {
    return !totpSecret.isEmpty();
  }

  /** The factors turned on, in the order Cognito lists them in UserMFASettingList. */
  public List<ChallengeName> enabled() {
    List<ChallengeName> factors = new ArrayList<>();
    if (smsEnabled) {
      factors.add(ChallengeName.SMS_MFA);
    }
    if (totpEnabled && hasTotp()) {
      factors.add(ChallengeName.SOFTWARE_TOKEN_MFA);
    }
    if (emailEnabled) {
      factors.add(ChallengeName.EMAIL_OTP);
    }
    return factors;
  }

  public Optional<ChallengeName> preferredFactor() {
    return preferred.isEmpty() ? Optional.empty() : Optional.of(ChallengeName.valueOf(preferred));
  }

  public UserMfa withPendingTotp(String secret) {
    return new UserMfa(totpSecret, secret, friendlyDeviceName, totpEnabled, smsEnabled, emailEnabled, preferred);
  }

  /** The pending secret becomes the registered one; {@code enable} also turns it on and prefers it. */
  public UserMfa withVerifiedTotp(String deviceName, boolean enable) {
    return new UserMfa(
        pendingTotpSecret,
        "",
        deviceName,
        totpEnabled || enable,
        smsEnabled,
        emailEnabled,
        enable ? ChallengeName.SOFTWARE_TOKEN_MFA.name() : preferred);
  }

  public UserMfa withFactors(boolean totp, boolean sms, boolean email, String newPreferred) {
    return new UserMfa(totpSecret, pendingTotpSecret, friendlyDeviceName, totp, sms, email, newPreferred);
  }
}
