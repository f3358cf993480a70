package dev.cognate.operation;

import dev.cognate.domain.AuthFlow;
import dev.cognate.operation.wire.InitiateAuthResponse;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AuthFlows;
import dev.cognate.service.Directory;
import dev.cognate.validation.Length;
import dev.cognate.validation.OneOf;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.Map;

/** AdminInitiateAuth: sign-in and refresh from a trusted back end holding AWS credentials. */
public final class AdminInitiateAuthOperation
    implements Operation<AdminInitiateAuthOperation.AdminInitiateAuthRequest, InitiateAuthResponse> {
  private final Directory directory;
  private final AuthFlows flows;

  public AdminInitiateAuthOperation(Directory directory, AuthFlows flows) {
    this.directory = directory;
    this.flows = flows;
  }

  public record AdminInitiateAuthRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.CLIENT_ID) String ClientId,
      @Required
          @OneOf({
            "USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN", "CUSTOM_AUTH", "ADMIN_NO_SRP_AUTH",
            "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "USER_AUTH"
          })
          String AuthFlow,
      @Sensitive Map<String, String> AuthParameters,
      Map<String, String> ClientMetadata,
      Map<String, Object> AnalyticsMetadata,
      Map<String, Object> ContextData,
      @Sensitive @Length(min = 20, max = 2048) String Session) {}

  @Override
  public String name() {
    return "AdminInitiateAuth";
  }

  @Override
  public Class<AdminInitiateAuthRequest> requestType() {
    return AdminInitiateAuthRequest.class;
  }

  @Override
  public InitiateAuthResponse handle(AdminInitiateAuthRequest request, RequestContext context) {
    Directory.ClientInPool target = directory.client(request.UserPoolId(), request.ClientId());
    return InitiateAuthResponse.of(
        flows.start(
            AuthFlows.Api.ADMIN,
            target,
            AuthFlow.valueOf(request.AuthFlow()),
            request.AuthParameters(),
            context.issuer(target.pool().id())));
  }
}
