package dev.cognate.provision;

import dev.cognate.operation.CreateUserPoolOperation;
import dev.cognate.operation.CreateUserPoolOperation.CreateUserPoolRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code AWS::Cognito::UserPool}: CreateUserPool under the stable id ({@code UserPoolName} is its {@code PoolName}),
 * then, as CloudFormation does, SetUserPoolMfaConfig for {@code EnabledMfas} and the e-mail MFA message.
 */
final class UserPoolKind implements ResourceKind {
  private static final int MAX_ID_LENGTH = 55;
  private static final Set<String> MFA =
      Set.of("EnabledMfas", "EmailAuthenticationMessage", "EmailAuthenticationSubject");

  static final String TYPE = "AWS::Cognito::UserPool";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> understood() {
    Set<String> names = new LinkedHashSet<>(ResourceKind.members(CreateUserPoolRequest.class));
    names.remove("PoolName");
    names.add("UserPoolName");
    names.addAll(MFA);
    return names;
  }

  @Override
  public Set<String> storedOnly() {
    return Set.of("LambdaConfig", "EmailConfiguration", "SmsConfiguration");
  }

  @Override
  public ProvisionedResource provision(Target target) {
    Map<String, Object> properties = target.properties();
    String pinned = target.resource().pinnedId();
    if (pinned != null) {
      checkPinned(target, pinned);
    }
    String id =
        pinned != null ? pinned : StableIds.poolId(target.region(), target.template().stack(), target.logicalId());
    boolean kept = target.calls().exists("DescribeUserPool", Map.of("UserPoolId", id));
    if (!kept) {
      Map<String, Object> body = ResourceKind.passThrough(properties, CreateUserPoolRequest.class);
      body.put("PoolName", properties.getOrDefault("UserPoolName", target.logicalId()));
      boolean setsMfa = MFA.stream().anyMatch(properties::containsKey);
      if (setsMfa) {
        body.remove("MfaConfiguration");
      }
      CreateUserPoolOperation create = target.calls().operation("CreateUserPool", CreateUserPoolOperation.class);
      target.calls().call(create, body, (request, context) -> create.create(request, context, id));
      if (setsMfa) {
        target.calls().call("SetUserPoolMfaConfig", mfaConfig(id, properties));
      }
    }
    Map<String, Object> pool = target.calls().member("DescribeUserPool", Map.of("UserPoolId", id), "UserPool");
    String provider = "cognito-idp." + target.region() + ".amazonaws.com/" + id;
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("Arn", String.valueOf(pool.get("Arn")));
    attributes.put("ProviderName", provider);
    attributes.put("ProviderURL", "https://" + provider);
    attributes.put("UserPoolId", id);
    return target.result(id, attributes, kept);
  }

  /**
   * A pool id names its region, and clients read the region from it; one of another region, or of another shape,
   * would make a pool no SDK of this region reaches.
   */
  private static void checkPinned(Target target, String pinned) {
    String region = target.region();
    if (pinned.length() > MAX_ID_LENGTH || !pinned.matches(Pattern.quote(region) + "_[0-9A-Za-z]+")) {
      throw target.refused(
          "the pinned id " + pinned.replace("\n", "\\n").replace("\r", "\\r") + " is not a pool id of region "
              + region + ": " + region + "_ then letters and digits");
    }
  }

  private static Map<String, Object> mfaConfig(String id, Map<String, Object> properties) {
    List<?> enabled = properties.get("EnabledMfas") instanceof List<?> list ? list : List.of();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("UserPoolId", id);
    body.put("MfaConfiguration", properties.getOrDefault("MfaConfiguration", "OFF"));
    if (enabled.contains("SOFTWARE_TOKEN_MFA")) {
      body.put("SoftwareTokenMfaConfiguration", Map.of("Enabled", true));
    }
    if (enabled.contains("SMS_MFA")) {
      Map<String, Object> sms = new LinkedHashMap<>();
      copy(properties, "SmsAuthenticationMessage", sms, "SmsAuthenticationMessage");
      copy(properties, "SmsConfiguration", sms, "SmsConfiguration");
      body.put("SmsMfaConfiguration", sms);
    }
    if (enabled.contains("EMAIL_OTP")) {
      Map<String, Object> email = new LinkedHashMap<>();
      copy(properties, "EmailAuthenticationMessage", email, "Message");
      copy(properties, "EmailAuthenticationSubject", email, "Subject");
      body.put("EmailMfaConfiguration", email);
    }
    return body;
  }

  private static void copy(Map<String, Object> from, String name, Map<String, Object> to, String as) {
    if (from.containsKey(name)) {
      to.put(as, from.get(name));
    }
  }
}
