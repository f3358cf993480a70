package dev.cognate.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which second factors a pool offers (SetUserPoolMfaConfig), kept among the pool's stored settings under
 * {@link #KEY}. The SMS message and sending configuration are the pool's own SmsAuthenticationMessage and
 * SmsConfiguration, as DescribeUserPool shows them; the e-mail message and subject live here.
 */
public record PoolMfa(boolean sms, boolean totp, boolean email, Map<String, Object> emailSettings) {
  public static final String KEY = "MfaFactors";
  private static final List<ChallengeName> FACTORS =
      List.of(ChallengeName.SMS_MFA, ChallengeName.SOFTWARE_TOKEN_MFA, ChallengeName.EMAIL_OTP);

  public PoolMfa {
    emailSettings = Map.copyOf(emailSettings);
  }

  /**
   * The pool's factors. A pool never given a factor configuration but created with MFA on or optional offers SMS, as
   * CreateUserPool's MfaConfiguration always meant SMS.
   */
  public static PoolMfa of(UserPool pool) {
    if (!(pool.echoed().get(KEY) instanceof Map<?, ?> stored)) {
      return new PoolMfa(!pool.mfaConfiguration().equals("OFF"), false, false, Map.of());
    }
    Map<String, Object> email = new LinkedHashMap<>();
    if (stored.get("EmailSettings") instanceof Map<?, ?> settings) {
      settings.forEach((k, v) -> email.put(String.valueOf(k), v));
    }
    return new PoolMfa(
        Boolean.TRUE.equals(stored.get("Sms")),
        Boolean.TRUE.equals(stored.get("SoftwareToken")),
        Boolean.TRUE.equals(stored.get("Email")),
        email);
  }

  public Map<String, Object> stored() {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("Sms", sms);
    stored.put("SoftwareToken", totp);
    stored.put("Email", email);
    stored.put("EmailSettings", emailSettings);
    return stored;
  }

  public boolean any() {
    return sms || totp || email;
  }

  /** Whether the pool offers {@code factor} (SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP). */
  public boolean offers(ChallengeName factor) {
    return switch (factor) {
      case SMS_MFA -> sms;
      case SOFTWARE_TOKEN_MFA -> totp;
      case EMAIL_OTP -> email;
      default -> false;
    };
  }

  /** The factors offered, in Cognito's order. */
  public List<ChallengeName> offered() {
    List<ChallengeName> factors = new ArrayList<>();
    for (ChallengeName factor : FACTORS) {
      if (offers(factor)) {
        factors.add(factor);
      }
    }
    return factors;
  }
}
