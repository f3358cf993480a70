package dev.cognate.operation;

import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.SoftwareTokens;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Sensitive;

/** AssociateSoftwareToken: a new authenticator secret, by access token or by a sign-in's MFA_SETUP session. */
public final class AssociateSoftwareTokenOperation
    implements Operation<
        AssociateSoftwareTokenOperation.AssociateSoftwareTokenRequest,
        AssociateSoftwareTokenOperation.AssociateSoftwareTokenResponse> {
  private final AccessTokens tokens;
  private final SoftwareTokens softwareTokens;

  public AssociateSoftwareTokenOperation(AccessTokens tokens, SoftwareTokens softwareTokens) {
    this.tokens = tokens;
    this.softwareTokens = softwareTokens;
  }

  public record AssociateSoftwareTokenRequest(
      @Sensitive @Pattern(Shapes.TOKEN) String AccessToken,
      @Sensitive @Length(min = 20, max = 2048) String Session) {}

  public record AssociateSoftwareTokenResponse(String SecretCode, String Session) {}

  @Override
  public String name() {
    return "AssociateSoftwareToken";
  }

  @Override
  public Class<AssociateSoftwareTokenRequest> requestType() {
    return AssociateSoftwareTokenRequest.class;
  }

  @Override
  public AssociateSoftwareTokenResponse handle(AssociateSoftwareTokenRequest request, RequestContext context) {
    SoftwareTokens.Associated associated;
    if (request.AccessToken() != null) {
      associated = softwareTokens.associate(tokens.user(request.AccessToken()));
    } else if (request.Session() != null) {
      associated = softwareTokens.associate(request.Session());
    } else {
      throw CognitoException.invalidParameter("Either AccessToken or Session is required.");
    }
    return new AssociateSoftwareTokenResponse(associated.secretCode(), associated.session().orElse(null));
  }
}
