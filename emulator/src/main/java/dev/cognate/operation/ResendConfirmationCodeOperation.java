package dev.cognate.operation;

import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.User;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.CodeDeliveryDetailsType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.CodeSender;
import dev.cognate.service.Directory;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.service.SecretHash;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** ResendConfirmationCode: a new sign-up code replaces the previous one. */
public final class ResendConfirmationCodeOperation
    implements Operation<
        ResendConfirmationCodeOperation.ResendConfirmationCodeRequest,
        ResendConfirmationCodeOperation.ResendConfirmationCodeResponse> {
  private final Directory directory;
  private final Users users;
  private final CodeSender codes;
  private final Clock clock;

  public ResendConfirmationCodeOperation(Directory directory, Users users, CodeSender codes, Clock clock) {
    this.directory = directory;
    this.users = users;
    this.codes = codes;
    this.clock = clock;
  }

  public record ResendConfirmationCodeRequest(
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.CLIENT_ID) String ClientId,
      @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.SECRET_HASH) String SecretHash,
      Map<String, Object> UserContextData,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      Map<String, Object> AnalyticsMetadata,
      Map<String, String> ClientMetadata) {}

  public record ResendConfirmationCodeResponse(CodeDeliveryDetailsType CodeDeliveryDetails) {}

  @Override
  public String name() {
    return "ResendConfirmationCode";
  }

  @Override
  public Class<ResendConfirmationCodeRequest> requestType() {
    return ResendConfirmationCodeRequest.class;
  }

  @Override
  public ResendConfirmationCodeResponse handle(ResendConfirmationCodeRequest request, RequestContext context) {
    ClientInPool target = directory.client(request.ClientId());
    SecretHash.verify(target.client(), request.Username(), request.SecretHash());
    Optional<User> found = users.find(target.pool(), request.Username());
    if (found.isEmpty()) {
      if (target.client().preventUserExistenceErrors()) {
        return new ResendConfirmationCodeResponse(CodeDeliveryDetailsType.of(CodeSender.simulated(request.Username())));
      }
      throw Users.comboNotFound();
    }
    CodeSender.PreparedCode code =
        users.change(
            found.get(),
            user -> {
              if (user.status() != UserStatus.UNCONFIRMED) {
                throw CognitoException.invalidParameter("User is already confirmed.");
              }
              CodeSender.PreparedCode prepared =
                  codes
                      .prepareSignUpCode(target.pool(), user)
                      .orElseThrow(
                          () -> CognitoException.invalidParameter(
                              "Cannot resend codes. Auto verification not turned on."));
              return new Users.Decision<>(user.withCode(prepared.pending(CodePurpose.SIGN_UP), clock.instant()), prepared);
            },
            (updated, prepared) -> codes.send(target.pool(), updated, prepared, CodePurpose.SIGN_UP));
    return new ResendConfirmationCodeResponse(CodeDeliveryDetailsType.of(code.reported()));
  }
}
