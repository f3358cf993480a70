package dev.cognate.operation;

import dev.cognate.domain.PasswordPolicy;
import dev.cognate.operation.wire.AdminCreateUserConfigType;
import dev.cognate.operation.wire.PasswordPolicyType;
import dev.cognate.operation.wire.UserPoolType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pool settings CreateUserPool and UpdateUserPool both carry, and how they become stored settings. Both use it
 * so that an update replaces every one of them exactly as a create would set it: a member left out takes Cognito's
 * default.
 */
interface PoolSettingsMembers {
  CreateUserPoolOperation.Policies Policies();

  String DeletionProtection();

  Map<String, Object> LambdaConfig();

  List<String> AutoVerifiedAttributes();

  String SmsVerificationMessage();

  String EmailVerificationMessage();

  String EmailVerificationSubject();

  Map<String, Object> VerificationMessageTemplate();

  String SmsAuthenticationMessage();

  String MfaConfiguration();

  Map<String, Object> UserAttributeUpdateSettings();

  Map<String, Object> DeviceConfiguration();

  Map<String, Object> EmailConfiguration();

  Map<String, Object> SmsConfiguration();

  Map<String, String> UserPoolTags();

  AdminCreateUserConfigType AdminCreateUserConfig();

  Map<String, Object> UserPoolAddOns();

  Map<String, Object> AccountRecoverySetting();

  Map<String, Object> KeyConfiguration();

  Map<String, Object> IssuerConfiguration();

  default PasswordPolicy passwordPolicy() {
    if (Policies() == null || Policies().PasswordPolicy() == null) {
      return PasswordPolicy.API_DEFAULT;
    }
    PasswordPolicyType p = Policies().PasswordPolicy();
    return new PasswordPolicy(
        Optional.ofNullable(p.MinimumLength()).orElse(PasswordPolicy.API_DEFAULT.minimumLength()),
        Boolean.TRUE.equals(p.RequireUppercase()),
        Boolean.TRUE.equals(p.RequireLowercase()),
        Boolean.TRUE.equals(p.RequireNumbers()),
        Boolean.TRUE.equals(p.RequireSymbols()),
        // The model: "If you submit a value of 0, Amazon Cognito treats it as a null value".
        Optional.ofNullable(p.TemporaryPasswordValidityDays())
            .filter(days -> days != 0)
            .orElse(PasswordPolicy.API_DEFAULT.temporaryPasswordValidityDays()));
  }

  default List<String> autoVerifiedAttributes() {
    return AutoVerifiedAttributes() == null ? List.of() : List.copyOf(AutoVerifiedAttributes());
  }

  default boolean allowAdminCreateUserOnly() {
    return AdminCreateUserConfig() != null && Boolean.TRUE.equals(AdminCreateUserConfig().AllowAdminCreateUserOnly());
  }

  default String mfaConfiguration() {
    return Optional.ofNullable(MfaConfiguration()).orElse("OFF");
  }

  default String deletionProtection() {
    return Optional.ofNullable(DeletionProtection()).orElse("INACTIVE");
  }

  /**
   * Settings Cognate keeps and describes back without acting on them, with Cognito's defaults. The verification
   * messages live twice, as Cognito describes them: top-level and in {@code VerificationMessageTemplate}; a value
   * given in the template wins over the top-level one, and each place shows the other's value when it has none.
   */
  default Map<String, Object> echoed() {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("DefaultEmailOption", "CONFIRM_WITH_CODE");
    putIfPresent(template, "SmsMessage", SmsVerificationMessage());
    putIfPresent(template, "EmailMessage", EmailVerificationMessage());
    putIfPresent(template, "EmailSubject", EmailVerificationSubject());
    if (VerificationMessageTemplate() != null) {
      template.putAll(VerificationMessageTemplate());
    }
    Map<String, Object> echoed = new LinkedHashMap<>();
    echoed.put("LambdaConfig", LambdaConfig() == null ? Map.of() : LambdaConfig());
    echoed.put("VerificationMessageTemplate", template);
    echoed.put(
        "EmailConfiguration",
        EmailConfiguration() == null ? Map.of("EmailSendingAccount", "COGNITO_DEFAULT") : EmailConfiguration());
    putIfPresent(echoed, "SmsVerificationMessage", template.get("SmsMessage"));
    putIfPresent(echoed, "EmailVerificationMessage", template.get("EmailMessage"));
    putIfPresent(echoed, "EmailVerificationSubject", template.get("EmailSubject"));
    putIfPresent(echoed, UserPoolType.SIGN_IN_POLICY, Policies() == null ? null : Policies().SignInPolicy());
    if (AdminCreateUserConfig() != null) {
      putIfPresent(echoed, UserPoolType.UNUSED_ACCOUNT_VALIDITY_DAYS, AdminCreateUserConfig().UnusedAccountValidityDays());
      putIfPresent(echoed, UserPoolType.INVITE_MESSAGE_TEMPLATE, AdminCreateUserConfig().InviteMessageTemplate());
    }
    putIfPresent(echoed, "SmsAuthenticationMessage", SmsAuthenticationMessage());
    putIfPresent(echoed, "UserAttributeUpdateSettings", UserAttributeUpdateSettings());
    putIfPresent(echoed, "DeviceConfiguration", DeviceConfiguration());
    putIfPresent(echoed, "SmsConfiguration", SmsConfiguration());
    putIfPresent(echoed, "UserPoolTags", UserPoolTags());
    putIfPresent(echoed, "UserPoolAddOns", UserPoolAddOns());
    putIfPresent(echoed, "AccountRecoverySetting", AccountRecoverySetting());
    putIfPresent(echoed, "KeyConfiguration", KeyConfiguration());
    putIfPresent(echoed, "IssuerConfiguration", IssuerConfiguration());
    return echoed;
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
