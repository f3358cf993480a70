package dev.cognate.operation.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.cognate.domain.PasswordPolicy;
import dev.cognate.domain.SchemaAttribute;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserPoolDomain;
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

  public static UserPoolType of(UserPool pool, int estimatedUsers) {
    return of(pool, estimatedUsers, Optional.empty());
  }

  /** The pool with its domain: a prefix shows as {@code Domain}, a custom domain as {@code CustomDomain}. */
  public static UserPoolType of(UserPool pool, int estimatedUsers, Optional<UserPoolDomain> domain) {
    PasswordPolicy p = pool.passwordPolicy();
    return new UserPoolType(
        pool.id(),
        pool.name(),
        new Policies(
            new PasswordPolicyType(
                p.minimumLength(), p.requireUppercase(), p.requireLowercase(), p.requireNumbers(),
                p.requireSymbols(), p.temporaryPasswordValidityDays())),
        pool.deletionProtection(),
        pool.schema().stream().map(SchemaAttributeType::of).toList(),
        pool.autoVerifiedAttributes().isEmpty() ? null : pool.autoVerifiedAttributes(),
        pool.aliasAttributes().isEmpty() ? null : pool.aliasAttributes(),
        pool.usernameAttributes().isEmpty() ? null : pool.usernameAttributes(),
        pool.mfaConfiguration(),
        estimatedUsers,
        new AdminCreateUserConfigType(pool.allowAdminCreateUserOnly(), null, null),
        new UsernameConfigurationType(pool.caseSensitive()),
        pool.arn(),
        pool.tier(),
        Timestamps.seconds(pool.createdAt()),
        Timestamps.seconds(pool.modifiedAt()),
        domain.filter(d -> !d.hasCustomDomain()).map(UserPoolDomain::domain).orElse(null),
        domain.filter(UserPoolDomain::hasCustomDomain).map(UserPoolDomain::domain).orElse(null),
        pool.echoed());
  }

  /** The pool's policies; only the password policy is enforced. */
  public record Policies(PasswordPolicyType PasswordPolicy) {}
}
