package dev.cognate.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user pool's stored settings. The enforced ones are typed; {@code echoed} keeps the settings Cognate stores and
 * describes back but does not act on (Lambda triggers, message templates, ...), keyed by their AWS member names.
 */
public record UserPool(
    String id,
    String name,
    String arn,
    Instant createdAt,
    Instant modifiedAt,
    PasswordPolicy passwordPolicy,
    List<SchemaAttribute> schema,
    List<String> autoVerifiedAttributes,
    List<String> usernameAttributes,
    List<String> aliasAttributes,
    boolean caseSensitive,
    boolean allowAdminCreateUserOnly,
    String mfaConfiguration,
    String deletionProtection,
    String tier,
    Map<String, Object> echoed) {
  /** The key in {@code echoed} of {@code Policies.SignInPolicy}, which Cognito describes nested in Policies. */
  public static final String SIGN_IN_POLICY = "Policies.SignInPolicy";

  public UserPool withSchema(List<SchemaAttribute> newSchema, Instant at) {
    return new UserPool(
        id, name, arn, createdAt, at, passwordPolicy, newSchema, autoVerifiedAttributes, usernameAttributes,
        aliasAttributes, caseSensitive, allowAdminCreateUserOnly, mfaConfiguration, deletionProtection, tier, echoed);
  }

  /** The pool with new MFA settings: whether MFA is OFF, ON or OPTIONAL, and its other settings as {@code echoed}. */
  public UserPool withMfa(String newMfaConfiguration, Map<String, Object> newEchoed, Instant at) {
    return new UserPool(
        id, name, arn, createdAt, at, passwordPolicy, schema, autoVerifiedAttributes, usernameAttributes,
        aliasAttributes, caseSensitive, allowAdminCreateUserOnly, newMfaConfiguration, deletionProtection, tier,
        newEchoed);
  }

  public PoolMfa mfa() {
    return PoolMfa.of(this);
  }

  /**
   * The factors a choice-based sign-in (USER_AUTH) may start with: SignInPolicy.AllowedFirstAuthFactors, PASSWORD
   * alone for a pool given no sign-in policy.
   */
  public List<String> allowedFirstAuthFactors() {
    if (echoed.get(SIGN_IN_POLICY) instanceof Map<?, ?> policy
        && policy.get("AllowedFirstAuthFactors") instanceof List<?> factors) {
      return factors.stream().map(String::valueOf).toList();
    }
    return List.of("PASSWORD");
  }

  public Optional<SchemaAttribute> attribute(String name) {
    return schema.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** True when e-mail addresses are the sign-in names and usernames are generated. */
  public boolean emailIsUsername() {
    return usernameAttributes.contains("email");
  }

  public boolean phoneIsUsername() {
    return usernameAttributes.contains("phone_number");
  }

  /**
   * Whether a new value of {@code attribute} (email or phone_number) waits for verification before it replaces the
   * old one (UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate).
   */
  public boolean verifiesBeforeUpdate(String attribute) {
    return echoed.get("UserAttributeUpdateSettings") instanceof Map<?, ?> settings
        && settings.get("AttributesRequireVerificationBeforeUpdate") instanceof List<?> attributes
        && attributes.contains(attribute);
  }

  /** The key under which a sign-in name is unique in this pool. */
  public String key(String signInName) {
    return caseSensitive ? signInName : signInName.toLowerCase(java.util.Locale.ROOT);
  }
}
