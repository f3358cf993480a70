package dev.cognate.operation;

import dev.cognate.domain.AppClient;
import dev.cognate.domain.User;
import dev.cognate.operation.wire.AttributeType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.Directory;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.List;

/** GetUser: the signed-in user's own attributes, by access token. */
public final class GetUserOperation
    implements Operation<GetUserOperation.GetUserRequest, GetUserOperation.GetUserResponse> {
  private final AccessTokens tokens;
  private final Directory directory;

  public GetUserOperation(AccessTokens tokens, Directory directory) {
    this.tokens = tokens;
    this.directory = directory;
  }

  public record GetUserRequest(@Required @Sensitive @Pattern(Shapes.TOKEN) String AccessToken) {}

  public record GetUserResponse(
      String Username,
      List<AttributeType> UserAttributes,
      List<MfaSettingsTypes.MFAOptionType> MFAOptions,
      String PreferredMfaSetting,
      List<String> UserMFASettingList) {}

  @Override
  public String name() {
    return "GetUser";
  }

  @Override
  public Class<GetUserRequest> requestType() {
    return GetUserRequest.class;
  }

  @Override
  public GetUserResponse handle(GetUserRequest request, RequestContext context) {
    AccessTokens.SignedIn signedIn = tokens.signedIn(request.AccessToken());
    AppClient client = directory.client(signedIn.clientId()).client();
    User user = signedIn.user();
    return new GetUserResponse(
        user.username(),
        AttributeType.of(client.readable(user.attributes())),
        MfaSettingsTypes.options(user),
        MfaSettingsTypes.preferred(user),
        MfaSettingsTypes.settingList(user));
  }
}
