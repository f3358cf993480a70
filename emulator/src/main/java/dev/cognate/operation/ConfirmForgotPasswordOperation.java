package dev.cognate.operation;

import dev.cognate.domain.User;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.CodeCheck;
import dev.cognate.service.Directory;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.service.PasswordResets;
import dev.cognate.service.SecretHash;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.Map;
import java.util.Optional;

/** ConfirmForgotPassword: the reset code and a new password. */
public final class ConfirmForgotPasswordOperation
    implements Operation<ConfirmForgotPasswordOperation.ConfirmForgotPasswordRequest, Empty> {
  private final Directory directory;
  private final Users users;
  private final PasswordResets resets;

  public ConfirmForgotPasswordOperation(Directory directory, Users users, PasswordResets resets) {
    this.directory = directory;
    this.users = users;
    this.resets = resets;
  }

  public record ConfirmForgotPasswordRequest(
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.CLIENT_ID) String ClientId,
      @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.SECRET_HASH) String SecretHash,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      @Required @Length(min = 1, max = 2048) @Pattern(Shapes.CONFIRMATION_CODE) String ConfirmationCode,
      @Required @Sensitive @Length(max = 256) @Pattern(Shapes.PASSWORD) String Password,
      Map<String, Object> AnalyticsMetadata,
      Map<String, Object> UserContextData,
      Map<String, String> ClientMetadata) {}

  @Override
  public String name() {
    return "ConfirmForgotPassword";
  }

  @Override
  public Class<ConfirmForgotPasswordRequest> requestType() {
    return ConfirmForgotPasswordRequest.class;
  }

  @Override
  public Empty handle(ConfirmForgotPasswordRequest request, RequestContext context) {
    ClientInPool target = directory.client(request.ClientId());
    SecretHash.verify(target.client(), request.Username(), request.SecretHash());
    boolean conceal = target.client().preventUserExistenceErrors();
    Optional<User> found = users.find(target.pool(), request.Username());
    if (found.isEmpty()) {
      throw conceal ? CodeCheck.mismatch() : Users.comboNotFound();
    }
    if (!found.get().enabled()) {
      throw conceal
          ? PasswordResets.concealedRefusal(found.get())
          : CognitoException.notAuthorized("User is disabled.");
    }
    resets.confirm(target.pool(), found.get(), request.ConfirmationCode(), request.Password());
    return new Empty();
  }
}
