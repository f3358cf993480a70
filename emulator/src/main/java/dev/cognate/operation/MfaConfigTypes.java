package dev.cognate.operation;

import dev.cognate.domain.PoolMfa;
import dev.cognate.domain.UserPool;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import java.util.Map;

/** The MFA configuration members SetUserPoolMfaConfig takes and both it and GetUserPoolMfaConfig answer. */
final class MfaConfigTypes {
  private MfaConfigTypes() {}

  record SmsMfaConfigType(
      @Length(min = 6, max = 140) @Pattern(".*\\{####\\}.*") String SmsAuthenticationMessage,
      Map<String, Object> SmsConfiguration) {}

  record SoftwareTokenMfaConfigType(Boolean Enabled) {}

  record EmailMfaConfigType(
      @Length(min = 6, max = 20000)
          @Pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*")
          String Message,
      @Pattern("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+") String Subject) {}

  /** GetUserPoolMfaConfig's answer: a factor's configuration appears only while the pool offers it. */
  record MfaConfigResponse(
      SmsMfaConfigType SmsMfaConfiguration,
      SoftwareTokenMfaConfigType SoftwareTokenMfaConfiguration,
      EmailMfaConfigType EmailMfaConfiguration,
      String MfaConfiguration) {

    @SuppressWarnings("unchecked")
    static MfaConfigResponse of(UserPool pool) {
      PoolMfa mfa = pool.mfa();
      SmsMfaConfigType sms =
          mfa.sms()
              ? new SmsMfaConfigType(
                  (String) pool.echoed().get("SmsAuthenticationMessage"),
                  (Map<String, Object>) pool.echoed().get("SmsConfiguration"))
              : null;
      EmailMfaConfigType email =
          mfa.email()
              ? new EmailMfaConfigType(
                  (String) mfa.emailSettings().get("Message"), (String) mfa.emailSettings().get("Subject"))
              : null;
      return new MfaConfigResponse(
          sms, mfa.totp() ? new SoftwareTokenMfaConfigType(true) : null, email, pool.mfaConfiguration());
    }
  }
}
