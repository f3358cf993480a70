package dev.cognate.operation;

import dev.cognate.domain.User;
import dev.cognate.operation.wire.AttributeType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.List;

/** GetUser: the signed-in user's own attributes, by access token. */
public final class GetUserOperation
    implements Operation<GetUserOperation.GetUserRequest, GetUserOperation.GetUserResponse> {
  private final AccessTokens tokens;

  public GetUserOperation(AccessTokens tokens) {
    this.tokens = tokens;
  }

  public record GetUserRequest(@Required @Sensitive @Pattern(Shapes.TOKEN) String AccessToken) {}

  public record GetUserResponse(String Username, List<AttributeType> UserAttributes) {}

  @Override
  public String name() {
    return "GetUser";
  }

  @Override
  public Class<GetUserRequest> requestType() {
    return GetUserRequest.class;
  }

  @Override
  public GetUserResponse handle(GetUserRequest request, RequestContext context) {
    User user = tokens.user(request.AccessToken());
    return new GetUserResponse(user.username(), AttributeType.of(user.attributes()));
  }
}
