package dev.cognate.operation;

import dev.cognate.domain.User;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.service.Users;
import dev.cognate.storage.SessionStore;
import dev.cognate.storage.Transactions;
import dev.cognate.storage.UserStore;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** AdminDeleteUser: the user goes, and so do their sign-in sessions. */
public final class AdminDeleteUserOperation implements Operation<AdminDeleteUserOperation.AdminDeleteUserRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final UserStore store;
  private final SessionStore sessions;
  private final Transactions transactions;

  public AdminDeleteUserOperation(
      Directory directory, Users users, UserStore store, SessionStore sessions, Transactions transactions) {
    this.directory = directory;
    this.users = users;
    this.store = store;
    this.sessions = sessions;
    this.transactions = transactions;
  }

  public record AdminDeleteUserRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username) {}

  @Override
  public String name() {
    return "AdminDeleteUser";
  }

  @Override
  public Class<AdminDeleteUserRequest> requestType() {
    return AdminDeleteUserRequest.class;
  }

  @Override
  public Empty handle(AdminDeleteUserRequest request, RequestContext context) {
    User user = users.require(directory.pool(request.UserPoolId()), request.Username());
    // Deleting first takes the user's row, so a sign-in still under way either finishes first and has its
    // session revoked here, or finds the user gone.
    transactions.inOne(
        () -> {
          store.delete(user.userPoolId(), user.sub());
          sessions.revokeAll(user.userPoolId(), user.sub());
          return null;
        });
    return new Empty();
  }
}
