package dev.cognate.operation;

import dev.cognate.domain.User;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.Directory;
import dev.cognate.service.PasswordChanges;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** ChangePassword: the signed-in user replaces their password, by access token. */
public final class ChangePasswordOperation
    implements Operation<ChangePasswordOperation.ChangePasswordRequest, Empty> {
  private final AccessTokens tokens;
  private final Directory directory;
  private final PasswordChanges changes;

  public ChangePasswordOperation(AccessTokens tokens, Directory directory, PasswordChanges changes) {
    this.tokens = tokens;
    this.directory = directory;
    this.changes = changes;
  }

  public record ChangePasswordRequest(
      @Sensitive @Length(max = 256) @Pattern(Shapes.PASSWORD) String PreviousPassword,
      @Required @Sensitive @Length(max = 256) @Pattern(Shapes.PASSWORD) String ProposedPassword,
      @Required @Sensitive @Pattern(Shapes.TOKEN) String AccessToken) {}

  @Override
  public String name() {
    return "ChangePassword";
  }

  @Override
  public Class<ChangePasswordRequest> requestType() {
    return ChangePasswordRequest.class;
  }

  @Override
  public Empty handle(ChangePasswordRequest request, RequestContext context) {
    User user = tokens.user(request.AccessToken());
    if (request.PreviousPassword() == null) {
      // Optional in the model only for passwordless users, whom Cognate does not emulate.
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value null at 'previousPassword' failed to satisfy constraint: "
              + "Member must not be null");
    }
    changes.byUser(
        directory.pool(user.userPoolId()), user, request.PreviousPassword(), request.ProposedPassword());
    return new Empty();
  }
}
