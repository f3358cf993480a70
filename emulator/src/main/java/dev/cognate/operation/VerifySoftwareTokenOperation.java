package dev.cognate.operation;

import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.SoftwareTokens;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;

/** VerifySoftwareToken: a code from the authenticator proves its pending secret, by access token or session. */
public final class VerifySoftwareTokenOperation
    implements Operation<
        VerifySoftwareTokenOperation.VerifySoftwareTokenRequest,
        VerifySoftwareTokenOperation.VerifySoftwareTokenResponse> {
  private final AccessTokens tokens;
  private final SoftwareTokens softwareTokens;

  public VerifySoftwareTokenOperation(AccessTokens tokens, SoftwareTokens softwareTokens) {
    this.tokens = tokens;
    this.softwareTokens = softwareTokens;
  }

  public record VerifySoftwareTokenRequest(
      @Sensitive @Pattern(Shapes.TOKEN) String AccessToken,
      @Sensitive @Length(min = 20, max = 2048) String Session,
      @Required @Sensitive @Length(min = 6, max = 6) @Pattern("[0-9]+") String UserCode,
      @Length(max = 131072) String FriendlyDeviceName) {}

  public record VerifySoftwareTokenResponse(String Status, String Session) {}

  @Override
  public String name() {
    return "VerifySoftwareToken";
  }

  @Override
  public Class<VerifySoftwareTokenRequest> requestType() {
    return VerifySoftwareTokenRequest.class;
  }

  @Override
  public VerifySoftwareTokenResponse handle(VerifySoftwareTokenRequest request, RequestContext context) {
    String deviceName = request.FriendlyDeviceName() == null ? "" : request.FriendlyDeviceName();
    SoftwareTokens.Verified verified;
    if (request.AccessToken() != null) {
      verified = softwareTokens.verify(tokens.user(request.AccessToken()), request.UserCode(), deviceName);
    } else if (request.Session() != null) {
      verified = softwareTokens.verify(request.Session(), request.UserCode(), deviceName);
    } else {
      throw CognitoException.invalidParameter("Either AccessToken or Session is required.");
    }
    return new VerifySoftwareTokenResponse("SUCCESS", verified.session().orElse(null));
  }
}
