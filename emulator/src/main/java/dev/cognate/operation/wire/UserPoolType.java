package dev.cognate.operation.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.cognate.domain.PasswordPolicy;
import dev.cognate.domain.PoolMfa;
import dev.cognate.domain.SchemaAttribute;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserPoolDomain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A pool as DescribeUserPool and CreateUserPool describe it: enforced settings, then the echoed ones. */
public record UserPoolType(
    String Id,
    String Name,
    Policies Policies,
    String DeletionProtection,
    List<SchemaAttributeType> SchemaAttributes,
    List<String> AutoVerifiedAttributes,
    List<String> AliasAttributes,
    List<String> UsernameAttributes,
    String MfaConfiguration,
    Integer EstimatedNumberOfUsers,
    AdminCreateUserConfigType AdminCreateUserConfig,
    UsernameConfigurationType UsernameConfiguration,
    String Arn,
    String UserPoolTier,
    Double CreationDate,
    Double LastModifiedDate,
    String Domain,
    String CustomDomain,
    @JsonAnyGetter Map<String, Object> echoed) {
  /**
   * Keys in a pool's echoed settings of members that Cognito describes nested (in {@code Policies} and
   * {@code AdminCreateUserConfig}) rather than at the top level.
   */
  public static final String SIGN_IN_POLICY = UserPool.SIGN_IN_POLICY;

  public static final String UNUSED_ACCOUNT_VALIDITY_DAYS = "AdminCreateUserConfig.UnusedAccountValidityDays";
  public static final String INVITE_MESSAGE_TEMPLATE = "AdminCreateUserConfig.InviteMessageTemplate";

  /** What Cognito describes when a pool was given no sign-in policy. */
  private static final Map<String, Object> DEFAULT_SIGN_IN_POLICY = Map.of("AllowedFirstAuthFactors", List.of("PASSWORD"));

  private static final int DEFAULT_UNUSED_ACCOUNT_VALIDITY_DAYS = 7;

  public static UserPoolType of(UserPool pool, int estimatedUsers) {
    return of(pool, estimatedUsers, Optional.empty());
  }

  /** The pool with its domain: a prefix shows as {@code Domain}, a custom domain as {@code CustomDomain}. */
  public static UserPoolType of(UserPool pool, int estimatedUsers, Optional<UserPoolDomain> domain) {
    PasswordPolicy p = pool.passwordPolicy();
    Map<String, Object> topLevel = new LinkedHashMap<>(pool.echoed());
    Object signInPolicy = topLevel.remove(SIGN_IN_POLICY);
    Object unusedDays = topLevel.remove(UNUSED_ACCOUNT_VALIDITY_DAYS);
    Object inviteTemplate = topLevel.remove(INVITE_MESSAGE_TEMPLATE);
    // Which factors MFA offers is GetUserPoolMfaConfig's to tell; DescribeUserPool shows only MfaConfiguration.
    topLevel.remove(PoolMfa.KEY);
    return new UserPoolType(
        pool.id(),
        pool.name(),
        new Policies(
            new PasswordPolicyType(
                p.minimumLength(), p.requireUppercase(), p.requireLowercase(), p.requireNumbers(),
                p.requireSymbols(), p.temporaryPasswordValidityDays()),
            signInPolicy == null ? DEFAULT_SIGN_IN_POLICY : signInPolicy),
        pool.deletionProtection(),
        pool.schema().stream().map(SchemaAttributeType::of).toList(),
        pool.autoVerifiedAttributes().isEmpty() ? null : pool.autoVerifiedAttributes(),
        pool.aliasAttributes().isEmpty() ? null : pool.aliasAttributes(),
        pool.usernameAttributes().isEmpty() ? null : pool.usernameAttributes(),
        pool.mfaConfiguration(),
        estimatedUsers,
        new AdminCreateUserConfigType(
            pool.allowAdminCreateUserOnly(),
            unusedDays == null ? DEFAULT_UNUSED_ACCOUNT_VALIDITY_DAYS : ((Number) unusedDays).intValue(),
            asMap(inviteTemplate)),
        new UsernameConfigurationType(pool.caseSensitive()),
        pool.arn(),
        pool.tier(),
        Timestamps.seconds(pool.createdAt()),
        Timestamps.seconds(pool.modifiedAt()),
        domain.filter(d -> !d.hasCustomDomain()).map(UserPoolDomain::domain).orElse(null),
        domain.filter(UserPoolDomain::hasCustomDomain).map(UserPoolDomain::domain).orElse(null),
        topLevel);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  /** The pool's policies; only the password policy is enforced. */
  public record Policies(PasswordPolicyType PasswordPolicy, Object SignInPolicy) {}
}
