package dev.cognate.operation;

import dev.cognate.operation.wire.AttributeType;
import dev.cognate.operation.wire.CodeDeliveryDetailsType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.Directory;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.service.UserAttributes;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.List;
import java.util.Map;

/**
 * UpdateUserAttributes: the signed-in user sets their own attributes, those their app client may write; the
 * response says where codes for a new e-mail address or phone number went.
 */
public final class UpdateUserAttributesOperation
    implements Operation<
        UpdateUserAttributesOperation.UpdateUserAttributesRequest,
        UpdateUserAttributesOperation.UpdateUserAttributesResponse> {
  private final AccessTokens tokens;
  private final Directory directory;
  private final UserAttributes attributes;

  public UpdateUserAttributesOperation(AccessTokens tokens, Directory directory, UserAttributes attributes) {
    this.tokens = tokens;
    this.directory = directory;
    this.attributes = attributes;
  }

  public record UpdateUserAttributesRequest(
      @Required List<AttributeType> UserAttributes,
      @Required @Sensitive @Pattern(Shapes.TOKEN) String AccessToken,
      Map<String, String> ClientMetadata) {}

  public record UpdateUserAttributesResponse(List<CodeDeliveryDetailsType> CodeDeliveryDetailsList) {}

  @Override
  public String name() {
    return "UpdateUserAttributes";
  }

  @Override
  public Class<UpdateUserAttributesRequest> requestType() {
    return UpdateUserAttributesRequest.class;
  }

  @Override
  public UpdateUserAttributesResponse handle(UpdateUserAttributesRequest request, RequestContext context) {
    AccessTokens.SignedIn signedIn = tokens.signedIn(request.AccessToken());
    ClientInPool target = directory.client(signedIn.clientId());
    List<CodeDeliveryDetailsType> sent =
        attributes
            .update(
                target.pool(),
                signedIn.user(),
                AttributeInputs.of(request.UserAttributes()),
                UserAttributes.Writer.through(target.client()))
            .stream()
            .map(CodeDeliveryDetailsType::of)
            .toList();
    return new UpdateUserAttributesResponse(sent.isEmpty() ? null : sent);
  }
}
