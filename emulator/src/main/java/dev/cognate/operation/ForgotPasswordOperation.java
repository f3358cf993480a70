package dev.cognate.operation;

import dev.cognate.domain.User;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.CodeDeliveryDetailsType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.CodeSender;
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

/** ForgotPassword: a reset code to the user's verified e-mail or phone number. */
public final class ForgotPasswordOperation
    implements Operation<
        ForgotPasswordOperation.ForgotPasswordRequest, ForgotPasswordOperation.ForgotPasswordResponse> {
  private final Directory directory;
  private final Users users;
  private final PasswordResets resets;

  public ForgotPasswordOperation(Directory directory, Users users, PasswordResets resets) {
    this.directory = directory;
    this.users = users;
    this.resets = resets;
  }

  public record ForgotPasswordRequest(
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.CLIENT_ID) String ClientId,
      @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.SECRET_HASH) String SecretHash,
      Map<String, Object> UserContextData,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      Map<String, Object> AnalyticsMetadata,
      Map<String, String> ClientMetadata) {}

  public record ForgotPasswordResponse(CodeDeliveryDetailsType CodeDeliveryDetails) {}

  @Override
  public String name() {
    return "ForgotPassword";
  }

  @Override
  public Class<ForgotPasswordRequest> requestType() {
    return ForgotPasswordRequest.class;
  }

  @Override
  public ForgotPasswordResponse handle(ForgotPasswordRequest request, RequestContext context) {
    ClientInPool target = directory.client(request.ClientId());
    SecretHash.verify(target.client(), request.Username(), request.SecretHash());
    boolean conceal = target.client().preventUserExistenceErrors();
    Optional<User> found = users.find(target.pool(), request.Username());
    if (found.isEmpty() || !found.get().enabled()) {
      if (conceal) {
        return new ForgotPasswordResponse(CodeDeliveryDetailsType.of(CodeSender.simulated(request.Username())));
      }
      throw found.isEmpty() ? Users.comboNotFound() : CognitoException.notAuthorized("User is disabled.");
    }
    return new ForgotPasswordResponse(CodeDeliveryDetailsType.of(resets.forgotten(target.pool(), found.get())));
  }
}
