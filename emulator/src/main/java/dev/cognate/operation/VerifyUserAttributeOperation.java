package dev.cognate.operation;

import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.Directory;
import dev.cognate.service.UserAttributes;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** VerifyUserAttribute: the signed-in user types the code sent for their e-mail address or phone number. */
public final class VerifyUserAttributeOperation
    implements Operation<VerifyUserAttributeOperation.VerifyUserAttributeRequest, Empty> {
  private final AccessTokens tokens;
  private final Directory directory;
  private final UserAttributes attributes;

  public VerifyUserAttributeOperation(AccessTokens tokens, Directory directory, UserAttributes attributes) {
    this.tokens = tokens;
    this.directory = directory;
    this.attributes = attributes;
  }

  public record VerifyUserAttributeRequest(
      @Required @Sensitive @Pattern(Shapes.TOKEN) String AccessToken,
      @Required @Length(min = 1, max = 32) @Pattern(Shapes.ATTRIBUTE_NAME) String AttributeName,
      @Required @Sensitive @Length(min = 1, max = 2048) @Pattern(Shapes.CONFIRMATION_CODE) String Code) {}

  @Override
  public String name() {
    return "VerifyUserAttribute";
  }

  @Override
  public Class<VerifyUserAttributeRequest> requestType() {
    return VerifyUserAttributeRequest.class;
  }

  @Override
  public Empty handle(VerifyUserAttributeRequest request, RequestContext context) {
    AccessTokens.SignedIn signedIn = tokens.signedIn(request.AccessToken());
    attributes.verify(
        directory.client(signedIn.clientId()).pool(), signedIn.user(), request.AttributeName(), request.Code());
    return new Empty();
  }
}
