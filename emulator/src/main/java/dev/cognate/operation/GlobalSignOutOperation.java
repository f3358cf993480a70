package dev.cognate.operation;

import dev.cognate.domain.User;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.storage.SessionStore;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** GlobalSignOut: revokes every sign-in session of the token's user, and with them their tokens. */
public final class GlobalSignOutOperation implements Operation<GlobalSignOutOperation.GlobalSignOutRequest, Empty> {
  private final AccessTokens tokens;
  private final SessionStore sessions;

  public GlobalSignOutOperation(AccessTokens tokens, SessionStore sessions) {
    this.tokens = tokens;
    this.sessions = sessions;
  }

  public record GlobalSignOutRequest(@Required @Sensitive @Pattern(Shapes.TOKEN) String AccessToken) {}

  @Override
  public String name() {
    return "GlobalSignOut";
  }

  @Override
  public Class<GlobalSignOutRequest> requestType() {
    return GlobalSignOutRequest.class;
  }

  @Override
  public Empty handle(GlobalSignOutRequest request, RequestContext context) {
    User user = tokens.user(request.AccessToken());
    sessions.revokeAll(user.userPoolId(), user.sub());
    return new Empty();
  }
}
