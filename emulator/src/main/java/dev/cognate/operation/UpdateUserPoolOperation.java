package dev.cognate.operation;

import dev.cognate.domain.PoolMfa;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.AdminCreateUserConfigType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.storage.PoolStore;
import dev.cognate.validation.Length;
import dev.cognate.validation.OneOf;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * UpdateUserPool: replaces the pool's settings as Cognito does, so a setting left out returns to its default. What
 * the request cannot carry (schema, username and alias attributes, case sensitivity) stays as created; so do the
 * name and tier when they are left out, as they have no default to return to.
 */
public final class UpdateUserPoolOperation
    implements Operation<UpdateUserPoolOperation.UpdateUserPoolRequest, Empty> {
  private final PoolStore pools;
  private final Clock clock;

  public UpdateUserPoolOperation(PoolStore pools, Clock clock) {
    this.pools = pools;
    this.clock = clock;
  }

  public record UpdateUserPoolRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      CreateUserPoolOperation.Policies Policies,
      @OneOf({"ACTIVE", "INACTIVE"}) String DeletionProtection,
      Map<String, Object> LambdaConfig,
      @OneOf({"phone_number", "email"}) List<String> AutoVerifiedAttributes,
      @Length(min = 6, max = 140) @Pattern(".*\\{####\\}.*") String SmsVerificationMessage,
      @Length(min = 6, max = 20000) String EmailVerificationMessage,
      @Length(min = 1, max = 140) String EmailVerificationSubject,
      Map<String, Object> VerificationMessageTemplate,
      @Length(min = 6, max = 140) @Pattern(".*\\{####\\}.*") String SmsAuthenticationMessage,
      Map<String, Object> UserAttributeUpdateSettings,
      @OneOf({"OFF", "ON", "OPTIONAL"}) String MfaConfiguration,
      Map<String, Object> DeviceConfiguration,
      Map<String, Object> EmailConfiguration,
      Map<String, Object> SmsConfiguration,
      Map<String, String> UserPoolTags,
      AdminCreateUserConfigType AdminCreateUserConfig,
      Map<String, Object> UserPoolAddOns,
      Map<String, Object> AccountRecoverySetting,
      @Length(min = 1, max = 128) @Pattern(Shapes.NAME) String PoolName,
      @OneOf({"LITE", "ESSENTIALS", "PLUS"}) String UserPoolTier,
      Map<String, Object> KeyConfiguration,
      Map<String, Object> IssuerConfiguration)
      implements PoolSettingsMembers {}

  @Override
  public String name() {
    return "UpdateUserPool";
  }

  @Override
  public Class<UpdateUserPoolRequest> requestType() {
    return UpdateUserPoolRequest.class;
  }

  @Override
  public Empty handle(UpdateUserPoolRequest request, RequestContext context) {
    Instant now = clock.instant();
    pools
        .update(request.UserPoolId(), old -> updated(old, request, now))
        .orElseThrow(() -> CognitoException.notFound("User pool " + request.UserPoolId() + " does not exist."));
    return new Empty();
  }

  /** Applied to the row as it is when locked, so a concurrent change to the schema is not lost. */
  private static UserPool updated(UserPool old, UpdateUserPoolRequest request, Instant now) {
    return new UserPool(
        old.id(),
        Optional.ofNullable(request.PoolName()).orElse(old.name()),
        old.arn(),
        old.createdAt(),
        now,
        request.passwordPolicy(),
        old.schema(),
        request.autoVerifiedAttributes(),
        old.usernameAttributes(),
        old.aliasAttributes(),
        old.caseSensitive(),
        request.allowAdminCreateUserOnly(),
        request.mfaConfiguration(),
        request.deletionProtection(),
        Optional.ofNullable(request.UserPoolTier()).orElse(old.tier()),
        keptMfaFactors(old, request.echoed()));
  }

  /** UpdateUserPool has no member for the MFA factors; SetUserPoolMfaConfig's choice stays. */
  private static Map<String, Object> keptMfaFactors(UserPool old, Map<String, Object> echoed) {
    Object factors = old.echoed().get(PoolMfa.KEY);
    if (factors == null) {
      return echoed;
    }
    Map<String, Object> kept = new LinkedHashMap<>(echoed);
    kept.put(PoolMfa.KEY, factors);
    return kept;
  }
}
