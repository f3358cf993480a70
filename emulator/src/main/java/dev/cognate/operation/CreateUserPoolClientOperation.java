package dev.cognate.operation;

import dev.cognate.domain.AppClient;
import dev.cognate.domain.TokenValidity;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.operation.wire.TokenValidityUnitsType;
import dev.cognate.operation.wire.UserPoolClientType;
import dev.cognate.service.ClientOAuthReferences;
import dev.cognate.service.Directory;
import dev.cognate.storage.ClientStore;
import dev.cognate.validation.Length;
import dev.cognate.validation.OneOf;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Range;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateUserPoolClient: stores the client with Cognito's defaults and checks its token validities. */
public final class CreateUserPoolClientOperation
    implements Operation<
        CreateUserPoolClientOperation.CreateUserPoolClientRequest,
        CreateUserPoolClientOperation.CreateUserPoolClientResponse> {
  private static final String SECRET_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final Directory directory;
  private final ClientStore clients;
  private final ClientOAuthReferences oauthReferences;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public CreateUserPoolClientOperation(
      Directory directory, ClientStore clients, ClientOAuthReferences oauthReferences, Clock clock) {
    this.directory = directory;
    this.clients = clients;
    this.oauthReferences = oauthReferences;
    this.clock = clock;
  }

  public record CreateUserPoolClientRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Length(min = 1, max = 128) @Pattern(Shapes.NAME) String ClientName,
      Boolean GenerateSecret,
      @Sensitive @Length(min = 24, max = 64) @Pattern(Shapes.CLIENT_SECRET) String ClientSecret,
      @Range(min = 0, max = 315360000) Long RefreshTokenValidity,
      @Range(min = 1, max = 86400) Integer AccessTokenValidity,
      @Range(min = 1, max = 86400) Integer IdTokenValidity,
      TokenValidityUnitsType TokenValidityUnits,
      List<String> ReadAttributes,
      List<String> WriteAttributes,
      @OneOf({
            "ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH",
            "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
            "ALLOW_USER_AUTH"
          })
          List<String> ExplicitAuthFlows,
      List<String> SupportedIdentityProviders,
      @Length(min = 0, max = 100) List<String> CallbackURLs,
      @Length(min = 0, max = 100) List<String> LogoutURLs,
      @Length(min = 1, max = 1024) String DefaultRedirectURI,
      @Length(min = 0, max = 3) @OneOf({"code", "implicit", "client_credentials"}) List<String> AllowedOAuthFlows,
      @Length(max = 50) List<String> AllowedOAuthScopes,
      Boolean AllowedOAuthFlowsUserPoolClient,
      Map<String, Object> AnalyticsConfiguration,
      @OneOf({"LEGACY", "ENABLED"}) String PreventUserExistenceErrors,
      Boolean EnableTokenRevocation,
      Boolean EnablePropagateAdditionalUserContextData,
      @Range(min = 3, max = 15) Integer AuthSessionValidity,
      Map<String, Object> RefreshTokenRotation) {}

  public record CreateUserPoolClientResponse(UserPoolClientType UserPoolClient) {}

  @Override
  public String name() {
    return "CreateUserPoolClient";
  }

  @Override
  public Class<CreateUserPoolClientRequest> requestType() {
    return CreateUserPoolClientRequest.class;
  }

  @Override
  public CreateUserPoolClientResponse handle(CreateUserPoolClientRequest r, RequestContext context) {
    UserPool pool = directory.pool(r.UserPoolId());
    List<String> flows = r.ExplicitAuthFlows() == null ? AppClient.DEFAULT_FLOWS : List.copyOf(r.ExplicitAuthFlows());
    boolean legacy = flows.stream().anyMatch(AppClient.LEGACY_FLOWS::contains);
    boolean modern = flows.stream().anyMatch(f -> f.startsWith("ALLOW_"));
    if (legacy && modern) {
      throw CognitoException.invalidParameter("Legacy and ALLOW_ prefixed ExplicitAuthFlows values cannot be combined.");
    }
    TokenValidity validity = validity(r);
    if (!validity.inRange()) {
      throw CognitoException.invalidParameter("Invalid range for token validity.");
    }
    oauthReferences.check(
        pool.id(),
        Optional.ofNullable(r.SupportedIdentityProviders()).orElse(List.of()),
        Optional.ofNullable(r.AllowedOAuthScopes()).orElse(List.of()));
    Optional<String> secret =
        r.ClientSecret() != null
            ? Optional.of(r.ClientSecret())
            : Boolean.TRUE.equals(r.GenerateSecret()) ? Optional.of(newSecret()) : Optional.empty();
    Instant now = clock.instant();
    AppClient client =
        new AppClient(
            pool.id(),
            newClientId(),
            r.ClientName(),
            secret,
            now,
            now,
            flows,
            validity,
            "ENABLED".equals(r.PreventUserExistenceErrors()),
            r.EnableTokenRevocation() == null || r.EnableTokenRevocation(),
            Optional.ofNullable(r.AuthSessionValidity()).orElse(3),
            echoed(r));
    clients.insert(client);
    return new CreateUserPoolClientResponse(UserPoolClientType.of(client));
  }

  /** Values with their units; absent units mean hours, hours and days, as the API documents. */
  private static TokenValidity validity(CreateUserPoolClientRequest r) {
    TokenValidityUnitsType units = r.TokenValidityUnits();
    String accessUnit = units != null && units.AccessToken() != null ? units.AccessToken() : "hours";
    String idUnit = units != null && units.IdToken() != null ? units.IdToken() : "hours";
    String refreshUnit = units != null && units.RefreshToken() != null ? units.RefreshToken() : "days";
    TokenValidity d = TokenValidity.DEFAULT;
    boolean refreshDefault = r.RefreshTokenValidity() == null || r.RefreshTokenValidity() == 0;
    return new TokenValidity(
        r.AccessTokenValidity() == null ? d.accessValue() : r.AccessTokenValidity(),
        r.AccessTokenValidity() == null ? d.accessUnit() : accessUnit,
        r.IdTokenValidity() == null ? d.idValue() : r.IdTokenValidity(),
        r.IdTokenValidity() == null ? d.idUnit() : idUnit,
        refreshDefault ? d.refreshValue() : r.RefreshTokenValidity(),
        refreshDefault ? d.refreshUnit() : refreshUnit);
  }

  private static Map<String, Object> echoed(CreateUserPoolClientRequest r) {
    Map<String, Object> echoed = new LinkedHashMap<>();
    put(echoed, "ReadAttributes", r.ReadAttributes());
    put(echoed, "WriteAttributes", r.WriteAttributes());
    put(echoed, "SupportedIdentityProviders", r.SupportedIdentityProviders());
    put(echoed, "CallbackURLs", r.CallbackURLs());
    put(echoed, "LogoutURLs", r.LogoutURLs());
    put(echoed, "DefaultRedirectURI", r.DefaultRedirectURI());
    put(echoed, "AllowedOAuthFlows", r.AllowedOAuthFlows());
    put(echoed, "AllowedOAuthScopes", r.AllowedOAuthScopes());
    put(echoed, "AllowedOAuthFlowsUserPoolClient", r.AllowedOAuthFlowsUserPoolClient());
    put(echoed, "AnalyticsConfiguration", r.AnalyticsConfiguration());
    put(echoed, "EnablePropagateAdditionalUserContextData", r.EnablePropagateAdditionalUserContextData());
    put(echoed, "RefreshTokenRotation", r.RefreshTokenRotation());
    return echoed;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** 128 random bits in base32hex, lowercase: 26 characters like Cognito's client ids. */
  private String newClientId() {
    byte[] bits = new byte[16];
    random.nextBytes(bits);
    String id = new BigInteger(1, bits).toString(32);
    return "0".repeat(26 - id.length()) + id;
  }

  private String newSecret() {
    StringBuilder secret = new StringBuilder(52);
    for (int i = 0; i < 52; i++) {
      secret.append(SECRET_ALPHABET.charAt(random.nextInt(SECRET_ALPHABET.length())));
    }
    return secret.toString();
  }
}
