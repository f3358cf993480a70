package dev.cognate.operation;

import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.operation.wire.AttributeType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.operation.wire.UserType;
import dev.cognate.service.AttributeRules;
import dev.cognate.service.Directory;
import dev.cognate.service.Invitations;
import dev.cognate.validation.Length;
import dev.cognate.validation.OneOf;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** AdminCreateUser: invites a user with a temporary password, or re-sends the invitation (RESEND). */
public final class AdminCreateUserOperation
    implements Operation<AdminCreateUserOperation.AdminCreateUserRequest, AdminCreateUserOperation.AdminCreateUserResponse> {
  private final Directory directory;
  private final Invitations invitations;

  public AdminCreateUserOperation(Directory directory, Invitations invitations) {
    this.directory = directory;
    this.invitations = invitations;
  }

  /** ValidationData and ClientMetadata only reach Lambda triggers, which Cognate stores but does not run. */
  public record AdminCreateUserRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      List<AttributeType> UserAttributes,
      List<AttributeType> ValidationData,
      @Sensitive @Length(max = 256) @Pattern(Shapes.PASSWORD) String TemporaryPassword,
      Boolean ForceAliasCreation,
      @OneOf({"RESEND", "SUPPRESS"}) String MessageAction,
      @OneOf({"SMS", "EMAIL"}) List<String> DesiredDeliveryMediums,
      Map<String, String> ClientMetadata) {}

  public record AdminCreateUserResponse(UserType User) {}

  @Override
  public String name() {
    return "AdminCreateUser";
  }

  @Override
  public Class<AdminCreateUserRequest> requestType() {
    return AdminCreateUserRequest.class;
  }

  @Override
  public AdminCreateUserResponse handle(AdminCreateUserRequest request, RequestContext context) {
    UserPool pool = directory.pool(request.UserPoolId());
    List<AttributeRules.Input> attributes =
        request.UserAttributes() == null
            ? List.of()
            : request.UserAttributes().stream().map(a -> new AttributeRules.Input(a.Name(), a.Value())).toList();
    Invitations.Invitation invitation =
        new Invitations.Invitation(
            request.Username(),
            attributes,
            Optional.ofNullable(request.TemporaryPassword()),
            "SUPPRESS".equals(request.MessageAction()),
            request.DesiredDeliveryMediums() == null ? List.of() : request.DesiredDeliveryMediums());
    User user =
        "RESEND".equals(request.MessageAction())
            ? invitations.resend(pool, invitation)
            : invitations.create(pool, invitation);
    return new AdminCreateUserResponse(UserType.of(user, user.attributes()));
  }
}
