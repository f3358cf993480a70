package dev.cognate.operation;

import dev.cognate.domain.SchemaAttribute;
import dev.cognate.domain.StandardAttributes;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.AdminCreateUserConfigType;
import dev.cognate.operation.wire.PasswordPolicyType;
import dev.cognate.operation.wire.SchemaAttributeType.StringAttributeConstraintsType;
import dev.cognate.operation.wire.SchemaAttributeType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.operation.wire.UserPoolType;
import dev.cognate.operation.wire.UsernameConfigurationType;
import dev.cognate.service.AttributeRules;
import dev.cognate.storage.PoolStore;
import dev.cognate.token.SigningKeys;
import dev.cognate.validation.Length;
import dev.cognate.validation.OneOf;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateUserPool: stores the pool with Cognito's defaults filled in, under the caller's region and account. */
public final class CreateUserPoolOperation
    implements Operation<CreateUserPoolOperation.CreateUserPoolRequest, CreateUserPoolOperation.CreateUserPoolResponse> {
  private static final String ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final PoolStore pools;
  private final SigningKeys keys;
  private final Clock clock;
  private final SecureRandom random;

  public CreateUserPoolOperation(PoolStore pools, SigningKeys keys, Clock clock, SecureRandom random) {
    this.random = random;
    this.pools = pools;
    this.keys = keys;
    this.clock = clock;
  }

  public record CreateUserPoolRequest(
      @Required @Length(min = 1, max = 128) @Pattern(Shapes.NAME) String PoolName,
      Policies Policies,
      @OneOf({"ACTIVE", "INACTIVE"}) String DeletionProtection,
      Map<String, Object> LambdaConfig,
      @OneOf({"phone_number", "email"}) List<String> AutoVerifiedAttributes,
      @OneOf({"phone_number", "email", "preferred_username"}) List<String> AliasAttributes,
      @OneOf({"phone_number", "email"}) List<String> UsernameAttributes,
      @Length(min = 6, max = 140) @Pattern(".*\\{####\\}.*") String SmsVerificationMessage,
      @Length(min = 6, max = 20000) String EmailVerificationMessage,
      @Length(min = 1, max = 140) String EmailVerificationSubject,
      Map<String, Object> VerificationMessageTemplate,
      @Length(min = 6, max = 140) @Pattern(".*\\{####\\}.*") String SmsAuthenticationMessage,
      @OneOf({"OFF", "ON", "OPTIONAL"}) String MfaConfiguration,
      Map<String, Object> UserAttributeUpdateSettings,
      Map<String, Object> DeviceConfiguration,
      Map<String, Object> EmailConfiguration,
      Map<String, Object> SmsConfiguration,
      Map<String, String> UserPoolTags,
      AdminCreateUserConfigType AdminCreateUserConfig,
      @Length(min = 1, max = 50) List<SchemaAttributeType> Schema,
      Map<String, Object> UserPoolAddOns,
      UsernameConfigurationType UsernameConfiguration,
      Map<String, Object> AccountRecoverySetting,
      @OneOf({"LITE", "ESSENTIALS", "PLUS"}) String UserPoolTier,
      Map<String, Object> KeyConfiguration,
      Map<String, Object> IssuerConfiguration)
      implements PoolSettingsMembers {}

  /** The pool's policies as sent. */
  public record Policies(PasswordPolicyType PasswordPolicy, Map<String, Object> SignInPolicy) {}

  public record CreateUserPoolResponse(UserPoolType UserPool) {}

  @Override
  public String name() {
    return "CreateUserPool";
  }

  @Override
  public Class<CreateUserPoolRequest> requestType() {
    return CreateUserPoolRequest.class;
  }

  @Override
  public CreateUserPoolResponse handle(CreateUserPoolRequest request, RequestContext context) {
    return create(request, context, context.region() + "_" + randomId());
  }

  /**
   * Creates the pool under a chosen id: provisioning from a template gives the same template the same id on every
   * start. The wire operation draws a random one.
   */
  public CreateUserPoolResponse create(CreateUserPoolRequest request, RequestContext context, String id) {
    List<String> usernameAttributes = listOrEmpty(request.UsernameAttributes());
    List<String> aliasAttributes = listOrEmpty(request.AliasAttributes());
    if (!usernameAttributes.isEmpty() && !aliasAttributes.isEmpty()) {
      throw CognitoException.invalidParameter(
          "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
    }
    Instant now = clock.instant();
    UserPool pool =
        new UserPool(
            id,
            request.PoolName(),
            "arn:aws:cognito-idp:" + context.region() + ":" + context.accountId() + ":userpool/" + id,
            now,
            now,
            request.passwordPolicy(),
            schema(request.Schema()),
            request.autoVerifiedAttributes(),
            usernameAttributes,
            aliasAttributes,
            request.UsernameConfiguration() == null || request.UsernameConfiguration().CaseSensitive(),
            request.allowAdminCreateUserOnly(),
            request.mfaConfiguration(),
            request.deletionProtection(),
            Optional.ofNullable(request.UserPoolTier()).orElse("ESSENTIALS"),
            request.echoed());
    pools.insert(pool);
    // Its keys are made at its first token; pairs generated meanwhile make that token no slower than the others.
    keys.prepareAhead();
    return new CreateUserPoolResponse(UserPoolType.of(pool, 0));
  }

  /**
   * The standard attributes, adjusted by the request's entries for them, then its custom attributes; refused
   * when an entry's bounds could not be enforced or it changes what a standard attribute is.
   */
  private static List<SchemaAttribute> schema(List<SchemaAttributeType> requested) {
    List<SchemaAttribute> schema = new ArrayList<>(StandardAttributes.schema());
    for (SchemaAttributeType entry : listOrEmpty(requested)) {
      int standard = SchemaEntries.indexOf(schema, SchemaEntries.named(entry));
      SchemaAttribute attribute;
      if (standard >= 0) {
        attribute = standardAttribute(schema.get(standard), entry);
        schema.set(standard, attribute);
      } else {
        attribute = SchemaEntries.custom(schema, entry);
        schema.add(attribute);
      }
      AttributeRules.checkDefinition(attribute);
    }
    return schema;
  }

  private static SchemaAttribute standardAttribute(SchemaAttribute base, SchemaAttributeType entry) {
    boolean retyped = entry.AttributeDataType() != null && !entry.AttributeDataType().equals(base.dataType());
    if (retyped || Boolean.TRUE.equals(entry.DeveloperOnlyAttribute())) {
      throw CognitoException.invalidParameter(
          "You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute "
              + base.name());
    }
    StringAttributeConstraintsType lengths = base.isString() ? entry.StringAttributeConstraints() : null;
    return new SchemaAttribute(
        base.name(),
        base.dataType(),
        base.developerOnly(),
        entry.Mutable() == null ? base.mutable() : entry.Mutable(),
        entry.Required() == null ? base.required() : entry.Required(),
        lengths == null ? base.minLength() : lengths.MinLength(),
        lengths == null ? base.maxLength() : lengths.MaxLength(),
        base.minValue(),
        base.maxValue());
  }

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  private String randomId() {
    StringBuilder id = new StringBuilder(9);
    for (int i = 0; i < 9; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }
}
