package dev.cognate.operation;

import dev.cognate.domain.AppClient;
import dev.cognate.domain.TokenValidity;
import dev.cognate.domain.UserPool;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.operation.wire.TokenValidityUnitsType;
import dev.cognate.operation.wire.UserPoolClientType;
import dev.cognate.service.ClientSettings;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** CreateUserPoolClient: stores the client with Cognito's defaults and checks its token validities. */
public final class CreateUserPoolClientOperation
    implements Operation<
        CreateUserPoolClientOperation.CreateUserPoolClientRequest,
        CreateUserPoolClientOperation.CreateUserPoolClientResponse> {
  private static final String SECRET_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final Directory directory;
  private final ClientStore clients;
  private final ClientSettings settings;
  private final Clock clock;
  private final SecureRandom random;

  public CreateUserPoolClientOperation(
      Directory directory, ClientStore clients, ClientSettings settings, Clock clock, SecureRandom random) {
    this.random = random;
    this.directory = directory;
    this.clients = clients;
    this.settings = settings;
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
      Map<String, Object> RefreshTokenRotation)
      implements ClientSettingsMembers {}

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
    return create(r, context, newClientId(), this::newSecret);
  }

  /** Whether a client of any pool has this id: client ids are unique across pools, as on AWS. */
  public boolean idTaken(String clientId) {
    return clients.find(clientId).isPresent();
  }

  /**
   * Creates the client under a chosen id, with {@code generatedSecret} as its secret when the request asks for one
   * to be generated: provisioning from a template gives the same template the same id and secret on every start.
   */
  public CreateUserPoolClientResponse create(
      CreateUserPoolClientRequest r, RequestContext context, String clientId, Supplier<String> generatedSecret) {
    UserPool pool = directory.pool(r.UserPoolId());
    List<String> flows = settings.explicitAuthFlows(r.ExplicitAuthFlows());
    TokenValidity validity = settings.checked(r.tokenValidity());
    settings.checkOAuthReferences(pool.id(), r.SupportedIdentityProviders(), r.AllowedOAuthScopes());
    Optional<String> secret =
        r.ClientSecret() != null
            ? Optional.of(r.ClientSecret())
            : Boolean.TRUE.equals(r.GenerateSecret()) ? Optional.of(generatedSecret.get()) : Optional.empty();
    Instant now = clock.instant();
    AppClient client =
        new AppClient(
            pool.id(),
            clientId,
            r.ClientName(),
            secret,
            now,
            now,
            flows,
            validity,
            r.preventUserExistenceErrors(),
            r.enableTokenRevocation(),
            r.authSessionValidity(),
            r.echoed());
    clients.insert(client);
    return new CreateUserPoolClientResponse(UserPoolClientType.of(client));
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
