package dev.cognate.operation;

import dev.cognate.operation.wire.CodeDeliveryDetailsType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.Directory;
import dev.cognate.service.UserAttributes;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.Map;

/** GetUserAttributeVerificationCode: sends the signed-in user a code for their e-mail address or phone number. */
public final class GetUserAttributeVerificationCodeOperation
    implements Operation<
        GetUserAttributeVerificationCodeOperation.GetUserAttributeVerificationCodeRequest,
        GetUserAttributeVerificationCodeOperation.GetUserAttributeVerificationCodeResponse> {
  private final AccessTokens tokens;
  private final Directory directory;
  private final UserAttributes attributes;

  public GetUserAttributeVerificationCodeOperation(
      AccessTokens tokens, Directory directory, UserAttributes attributes) {
    this.tokens = tokens;
    this.directory = directory;
    this.attributes = attributes;
  }

  public record GetUserAttributeVerificationCodeRequest(
      @Required @Sensitive @Pattern(Shapes.TOKEN) String AccessToken,
      @Required @Length(min = 1, max = 32) @Pattern(Shapes.ATTRIBUTE_NAME) String AttributeName,
      Map<String, String> ClientMetadata) {}

  public record GetUserAttributeVerificationCodeResponse(CodeDeliveryDetailsType CodeDeliveryDetails) {}

  @Override
  public String name() {
    return "GetUserAttributeVerificationCode";
  }

  @Override
  public Class<GetUserAttributeVerificationCodeRequest> requestType() {
    return GetUserAttributeVerificationCodeRequest.class;
  }

  @Override
  public GetUserAttributeVerificationCodeResponse handle(
      GetUserAttributeVerificationCodeRequest request, RequestContext context) {
    AccessTokens.SignedIn signedIn = tokens.signedIn(request.AccessToken());
    return new GetUserAttributeVerificationCodeResponse(
        CodeDeliveryDetailsType.of(
            attributes.sendCode(
                directory.client(signedIn.clientId()).pool(), signedIn.user(), request.AttributeName())));
  }
}
