package dev.cognate.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An app client's stored settings; like {@link UserPool}, {@code echoed} keeps settings described back but not
 * acted on (OAuth URLs and scopes, read/write attributes, ...).
 */
public record AppClient(
    String userPoolId,
    String clientId,
    String name,
    Optional<String> secret,
    Instant createdAt,
    Instant modifiedAt,
    List<String> explicitAuthFlows,
    TokenValidity tokenValidity,
    boolean preventUserExistenceErrors,
    boolean enableTokenRevocation,
    int authSessionValidity,
    Map<String, Object> echoed) {

  /** What Cognito allows when CreateUserPoolClient has no ExplicitAuthFlows. */
  public static final List<String> DEFAULT_FLOWS =
      List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");

  public static final List<String> LEGACY_FLOWS =
      List.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH");

  /** Whether an auth flow may run through this client, legacy flow names included. */
  public boolean allows(AuthFlow flow) {
    boolean legacy = explicitAuthFlows.stream().anyMatch(LEGACY_FLOWS::contains);
    return switch (flow) {
      case ADMIN_USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH ->
          explicitAuthFlows.contains("ALLOW_ADMIN_USER_PASSWORD_AUTH")
              || explicitAuthFlows.contains("ADMIN_NO_SRP_AUTH");
      case USER_PASSWORD_AUTH ->
          explicitAuthFlows.contains("ALLOW_USER_PASSWORD_AUTH")
              || explicitAuthFlows.contains("USER_PASSWORD_AUTH");
      case USER_SRP_AUTH -> explicitAuthFlows.contains("ALLOW_USER_SRP_AUTH") || legacy;
      case CUSTOM_AUTH ->
          explicitAuthFlows.contains("ALLOW_CUSTOM_AUTH") || explicitAuthFlows.contains("CUSTOM_AUTH_FLOW_ONLY");
      case REFRESH_TOKEN_AUTH, REFRESH_TOKEN -> explicitAuthFlows.contains("ALLOW_REFRESH_TOKEN_AUTH") || legacy;
      case USER_AUTH -> explicitAuthFlows.contains("ALLOW_USER_AUTH");
    };
  }

  /** The attributes this client may read; empty when it names none, which lets it read every one. */
  public List<String> readAttributes() {
    return named("ReadAttributes");
  }

  /** The attributes this client may write; empty when it names none, which lets it write every one. */
  public List<String> writeAttributes() {
    return named("WriteAttributes");
  }

  /**
   * Whether this client reads the user attribute {@code name}: never a developer-only ({@code dev:}) one, always
   * {@code sub}; every other one when the client names none, else those it names, a {@code *_verified} flag
   * following its attribute.
   */
  public boolean canRead(String name) {
    if (name.startsWith("dev:")) {
      return false;
    }
    List<String> read = readAttributes();
    if (name.equals("sub") || read.isEmpty() || read.contains(name)) {
      return true;
    }
    return name.endsWith(VERIFIED) && read.contains(name.substring(0, name.length() - VERIFIED.length()));
  }

  /** The attributes this client reads, in their order. */
  public Map<String, String> readable(Map<String, String> attributes) {
    Map<String, String> readable = new LinkedHashMap<>();
    attributes.forEach(
        (name, value) -> {
          if (canRead(name)) {
            readable.put(name, value);
          }
        });
    return readable;
  }

  /**
   * Whether a signed-in user writes the attribute {@code name} through this client: never {@code sub}, a
   * developer-only attribute or a verified flag (only an administrator sets those); every other one when the
   * client names none, else those it names.
   */
  public boolean canWrite(String name) {
    if (name.startsWith("dev:") || name.equals("sub") || name.endsWith(VERIFIED)) {
      return false;
    }
    List<String> write = writeAttributes();
    return write.isEmpty() || write.contains(name);
  }

  private static final String VERIFIED = "_verified";

  private List<String> named(String member) {
    return echoed.get(member) instanceof List<?> names ? names.stream().map(String::valueOf).toList() : List.of();
  }

  public boolean hasSecret() {
    return secret.isPresent();
  }
}
