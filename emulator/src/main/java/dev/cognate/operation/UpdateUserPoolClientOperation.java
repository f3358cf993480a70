package dev.cognate.operation;

import dev.cognate.domain.AppClient;
import dev.cognate.domain.TokenValidity;
import dev.cognate.error.CognitoException;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * UpdateUserPoolClient: replaces the client's settings as Cognito does, so a setting left out returns to its
 * default, checked as CreateUserPoolClient checks them. The id, secret and creation date stay; so does the name when
 * left out, as it has no default to return to.
 */
public final class UpdateUserPoolClientOperation
    implements Operation<
        UpdateUserPoolClientOperation.UpdateUserPoolClientRequest,
        UpdateUserPoolClientOperation.UpdateUserPoolClientResponse> {
  private final Directory directory;
  private final ClientStore clients;
  private final ClientSettings settings;
  private final Clock clock;

  public UpdateUserPoolClientOperation(Directory directory, ClientStore clients, ClientSettings settings, Clock clock) {
    this.directory = directory;
    this.clients = clients;
    this.settings = settings;
    this.clock = clock;
  }

  public record UpdateUserPoolClientRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.CLIENT_ID) String ClientId,
      @Length(min = 1, max = 128) @Pattern(Shapes.NAME) String ClientName,
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

  public record UpdateUserPoolClientResponse(UserPoolClientType UserPoolClient) {}

  @Override
  public String name() {
    return "UpdateUserPoolClient";
  }

  @Override
  public Class<UpdateUserPoolClientRequest> requestType() {
    return UpdateUserPoolClientRequest.class;
  }

  @Override
  public UpdateUserPoolClientResponse handle(UpdateUserPoolClientRequest r, RequestContext context) {
    String userPoolId = directory.client(r.UserPoolId(), r.ClientId()).pool().id();
    List<String> flows = settings.explicitAuthFlows(r.ExplicitAuthFlows());
    TokenValidity validity = settings.checked(r.tokenValidity());
    settings.checkOAuthReferences(userPoolId, r.SupportedIdentityProviders(), r.AllowedOAuthScopes());
    Instant now = clock.instant();
    AppClient updated =
        clients
            .update(
                r.ClientId(),
                old ->
                    new AppClient(
                        old.userPoolId(),
                        old.clientId(),
                        Optional.ofNullable(r.ClientName()).orElse(old.name()),
                        old.secret(),
                        old.createdAt(),
                        now,
                        flows,
                        validity,
                        r.preventUserExistenceErrors(),
                        r.enableTokenRevocation(),
                        r.authSessionValidity(),
                        r.echoed()))
            .orElseThrow(() -> CognitoException.notFound("User pool client " + r.ClientId() + " does not exist."));
    return new UpdateUserPoolClientResponse(UserPoolClientType.of(updated));
  }
}
