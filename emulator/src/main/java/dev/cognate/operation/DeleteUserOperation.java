package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.Accounts;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** DeleteUser: the signed-in user deletes themselves, by access token; their sessions go too. */
public final class DeleteUserOperation implements Operation<DeleteUserOperation.DeleteUserRequest, Empty> {
  private final AccessTokens tokens;
  private final Accounts accounts;

  public DeleteUserOperation(AccessTokens tokens, Accounts accounts) {
    this.tokens = tokens;
    this.accounts = accounts;
  }

  public record DeleteUserRequest(@Required @Sensitive @Pattern(Shapes.TOKEN) String AccessToken) {}

  @Override
  public String name() {
    return "DeleteUser";
  }

  @Override
  public Class<DeleteUserRequest> requestType() {
    return DeleteUserRequest.class;
  }

  @Override
  public Empty handle(DeleteUserRequest request, RequestContext context) {
    accounts.delete(tokens.user(request.AccessToken()));
    return new Empty();
  }
}
