package dev.cognate.operation;

import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.storage.PoolStore;
import dev.cognate.token.SigningKeys;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;

/** DeleteUserPool: the pool goes with its clients, users, codes, sessions and keys. */
public final class DeleteUserPoolOperation implements Operation<DeleteUserPoolOperation.DeleteUserPoolRequest, Empty> {
  private final Directory directory;
  private final PoolStore pools;
  private final SigningKeys keys;

  public DeleteUserPoolOperation(Directory directory, PoolStore pools, SigningKeys keys) {
    this.directory = directory;
    this.pools = pools;
    this.keys = keys;
  }

  public record DeleteUserPoolRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId) {}

  @Override
  public String name() {
    return "DeleteUserPool";
  }

  @Override
  public Class<DeleteUserPoolRequest> requestType() {
    return DeleteUserPoolRequest.class;
  }

  @Override
  public Empty handle(DeleteUserPoolRequest request, RequestContext context) {
    UserPool pool = directory.pool(request.UserPoolId());
    if ("ACTIVE".equals(pool.deletionProtection())) {
      throw CognitoException.invalidParameter(
          "The user pool cannot be deleted because deletion protection is activated. Deletion protection must be"
              + " inactivated first.");
    }
    pools.delete(pool.id());
    keys.forget(request.UserPoolId());
    return new Empty();
  }
}
