package dev.cognate.operation;

import dev.cognate.domain.User;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.CodeCheck;
import dev.cognate.service.Directory;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.service.SecretHash;
import dev.cognate.service.SignUpConfirmation;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.Map;

/** ConfirmSignUp: the user types in the code they were sent. */
public final class ConfirmSignUpOperation
    implements Operation<ConfirmSignUpOperation.ConfirmSignUpRequest, ConfirmSignUpOperation.ConfirmSignUpResponse> {
  private final Directory directory;
  private final Users users;
  private final SignUpConfirmation confirmation;

  public ConfirmSignUpOperation(Directory directory, Users users, SignUpConfirmation confirmation) {
    this.directory = directory;
    this.users = users;
    this.confirmation = confirmation;
  }

  public record ConfirmSignUpRequest(
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.CLIENT_ID) String ClientId,
      @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.SECRET_HASH) String SecretHash,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      @Required @Length(min = 1, max = 2048) @Pattern(Shapes.CONFIRMATION_CODE) String ConfirmationCode,
      Boolean ForceAliasCreation,
      Map<String, Object> AnalyticsMetadata,
      Map<String, Object> UserContextData,
      Map<String, String> ClientMetadata,
      @Sensitive @Length(min = 20, max = 2048) String Session) {}

  public record ConfirmSignUpResponse(String Session) {}

  @Override
  public String name() {
    return "ConfirmSignUp";
  }

  @Override
  public Class<ConfirmSignUpRequest> requestType() {
    return ConfirmSignUpRequest.class;
  }

  @Override
  public ConfirmSignUpResponse handle(ConfirmSignUpRequest request, RequestContext context) {
    ClientInPool target = directory.client(request.ClientId());
    SecretHash.verify(target.client(), request.Username(), request.SecretHash());
    User user =
        users
            .find(target.pool(), request.Username())
            .orElseThrow(
                () ->
                    target.client().preventUserExistenceErrors()
                        ? CodeCheck.mismatch()
                        : Users.comboNotFound());
    confirmation.withCode(target.pool(), target.client().clientId(), user, request.ConfirmationCode());
    return new ConfirmSignUpResponse(null);
  }
}
