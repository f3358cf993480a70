package dev.cognate.operation;

import dev.cognate.operation.MfaConfigTypes.MfaConfigResponse;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;

/** GetUserPoolMfaConfig: whether MFA is off, on or optional, and which factors the pool offers. */
public final class GetUserPoolMfaConfigOperation
    implements Operation<GetUserPoolMfaConfigOperation.GetUserPoolMfaConfigRequest, MfaConfigResponse> {
  private final Directory directory;

  public GetUserPoolMfaConfigOperation(Directory directory) {
    this.directory = directory;
  }

  public record GetUserPoolMfaConfigRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId) {}

  @Override
  public String name() {
    return "GetUserPoolMfaConfig";
  }

  @Override
  public Class<GetUserPoolMfaConfigRequest> requestType() {
    return GetUserPoolMfaConfigRequest.class;
  }

  @Override
  public MfaConfigResponse handle(GetUserPoolMfaConfigRequest request, RequestContext context) {
    return MfaConfigResponse.of(directory.pool(request.UserPoolId()));
  }
}
