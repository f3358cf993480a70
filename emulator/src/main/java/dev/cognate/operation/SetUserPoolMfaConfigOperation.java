package dev.cognate.operation;

import dev.cognate.domain.PoolMfa;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.MfaConfigTypes.EmailMfaConfigType;
import dev.cognate.operation.MfaConfigTypes.MfaConfigResponse;
import dev.cognate.operation.MfaConfigTypes.SmsMfaConfigType;
import dev.cognate.operation.MfaConfigTypes.SoftwareTokenMfaConfigType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.storage.PoolStore;
import dev.cognate.validation.Length;
import dev.cognate.validation.OneOf;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SetUserPoolMfaConfig. The request sets the whole factor configuration, as Cognito does: a factor left out is turned
 * off (so MFA ON or OPTIONAL with no factor named is refused even when the pool offered one before). MfaConfiguration
 * left out keeps the pool's.
 */
public final class SetUserPoolMfaConfigOperation
    implements Operation<SetUserPoolMfaConfigOperation.SetUserPoolMfaConfigRequest, MfaConfigResponse> {
  private final PoolStore pools;
  private final Clock clock;

  public SetUserPoolMfaConfigOperation(PoolStore pools, Clock clock) {
    this.pools = pools;
    this.clock = clock;
  }

  public record SetUserPoolMfaConfigRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      SmsMfaConfigType SmsMfaConfiguration,
      SoftwareTokenMfaConfigType SoftwareTokenMfaConfiguration,
      EmailMfaConfigType EmailMfaConfiguration,
      @OneOf({"OFF", "ON", "OPTIONAL"}) String MfaConfiguration,
      Map<String, Object> WebAuthnConfiguration) {}

  @Override
  public String name() {
    return "SetUserPoolMfaConfig";
  }

  @Override
  public Class<SetUserPoolMfaConfigRequest> requestType() {
    return SetUserPoolMfaConfigRequest.class;
  }

  @Override
  public MfaConfigResponse handle(SetUserPoolMfaConfigRequest request, RequestContext context) {
    Instant now = clock.instant();
    UserPool changed =
        pools
            .update(request.UserPoolId(), old -> configured(old, request, now))
            .orElseThrow(() -> CognitoException.notFound("User pool " + request.UserPoolId() + " does not exist."));
    return MfaConfigResponse.of(changed);
  }

  private static UserPool configured(UserPool old, SetUserPoolMfaConfigRequest request, Instant now) {
    String mode = Optional.ofNullable(request.MfaConfiguration()).orElse(old.mfaConfiguration());
    SoftwareTokenMfaConfigType totp = request.SoftwareTokenMfaConfiguration();
    EmailMfaConfigType email = request.EmailMfaConfiguration();
    Map<String, Object> emailSettings = new LinkedHashMap<>();
    if (email != null) {
      putIfPresent(emailSettings, "Message", email.Message());
      putIfPresent(emailSettings, "Subject", email.Subject());
    }
    PoolMfa factors =
        new PoolMfa(
            request.SmsMfaConfiguration() != null,
            totp != null && Boolean.TRUE.equals(totp.Enabled()),
            email != null,
            emailSettings);
    if (mode.equals("OFF") && factors.any()) {
      throw CognitoException.invalidParameter(
          "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.");
    }
    if (!mode.equals("OFF") && !factors.any()) {
      throw CognitoException.invalidParameter(
          "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.");
    }
    Map<String, Object> echoed = new LinkedHashMap<>(old.echoed());
    echoed.put(PoolMfa.KEY, factors.stored());
    SmsMfaConfigType sms = request.SmsMfaConfiguration();
    if (sms != null) {
      // SMS MFA's message and sending configuration are the pool's own, which DescribeUserPool shows.
      putIfPresent(echoed, "SmsAuthenticationMessage", sms.SmsAuthenticationMessage());
      putIfPresent(echoed, "SmsConfiguration", sms.SmsConfiguration());
    }
    return old.withMfa(mode, echoed, now);
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
