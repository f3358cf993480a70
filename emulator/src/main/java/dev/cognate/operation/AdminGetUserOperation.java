package dev.cognate.operation;

import dev.cognate.domain.User;
import dev.cognate.operation.wire.AttributeType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.operation.wire.Timestamps;
import dev.cognate.service.Directory;
import dev.cognate.service.Users;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.List;

/** AdminGetUser. */
public final class AdminGetUserOperation
    implements Operation<AdminGetUserOperation.AdminGetUserRequest, AdminGetUserOperation.AdminGetUserResponse> {
  private final Directory directory;
  private final Users users;

  public AdminGetUserOperation(Directory directory, Users users) {
    this.directory = directory;
    this.users = users;
  }

  public record AdminGetUserRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username) {}

  public record AdminGetUserResponse(
      String Username,
      List<AttributeType> UserAttributes,
      Double UserCreateDate,
      Double UserLastModifiedDate,
      Boolean Enabled,
      String UserStatus,
      List<MfaSettingsTypes.MFAOptionType> MFAOptions,
      String PreferredMfaSetting,
      List<String> UserMFASettingList) {}

  @Override
  public String name() {
    return "AdminGetUser";
  }

  @Override
  public Class<AdminGetUserRequest> requestType() {
    return AdminGetUserRequest.class;
  }

  @Override
  public AdminGetUserResponse handle(AdminGetUserRequest request, RequestContext context) {
    User user = users.require(directory.pool(request.UserPoolId()), request.Username());
    return new AdminGetUserResponse(
        user.username(),
        AttributeType.of(user.attributes()),
        Timestamps.seconds(user.createdAt()),
        Timestamps.seconds(user.modifiedAt()),
        user.enabled(),
        user.status().name(),
        MfaSettingsTypes.options(user),
        MfaSettingsTypes.preferred(user),
        MfaSettingsTypes.settingList(user));
  }
}
