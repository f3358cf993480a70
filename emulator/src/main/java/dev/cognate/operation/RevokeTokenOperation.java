package dev.cognate.operation;

import dev.cognate.domain.AppClient;
import dev.cognate.domain.AuthSession;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Directory;
import dev.cognate.storage.SessionStore;
import dev.cognate.token.RefreshTokens;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** RevokeToken: revokes a refresh token and the ID and access tokens issued from it. */
public final class RevokeTokenOperation implements Operation<RevokeTokenOperation.RevokeTokenRequest, Empty> {
  private final Directory directory;
  private final SessionStore sessions;

  public RevokeTokenOperation(Directory directory, SessionStore sessions) {
    this.directory = directory;
    this.sessions = sessions;
  }

  public record RevokeTokenRequest(
      @Required @Sensitive @Pattern(Shapes.TOKEN) String Token,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.CLIENT_ID) String ClientId,
      @Sensitive @Length(min = 24, max = 64) @Pattern(Shapes.CLIENT_SECRET) String ClientSecret) {}

  @Override
  public String name() {
    return "RevokeToken";
  }

  @Override
  public Class<RevokeTokenRequest> requestType() {
    return RevokeTokenRequest.class;
  }

  @Override
  public Empty handle(RevokeTokenRequest request, RequestContext context) {
    AppClient client = directory.client(request.ClientId()).client();
    if (client.hasSecret() && !secretMatches(client, request.ClientSecret())) {
      throw CognitoException.notAuthorized("Unable to verify client secret for client " + client.clientId());
    }
    if (!client.enableTokenRevocation()) {
      throw new CognitoException(
          CognitoErrorType.UNSUPPORTED_OPERATION, "Token revocation is not enabled for this client.");
    }
    // ID and access tokens are JWTs (three parts); only refresh tokens can be revoked here.
    if (request.Token().split("\\.", -1).length == 3) {
      throw new CognitoException(CognitoErrorType.UNSUPPORTED_TOKEN_TYPE, "Unsupported token type.");
    }
    AuthSession session =
        sessions
            .findByTokenHash(RefreshTokens.hash(request.Token()))
            .filter(s -> s.clientId().equals(client.clientId()))
            .orElseThrow(() -> CognitoException.notAuthorized("Invalid Refresh Token."));
    sessions.revoke(session.id());
    return new Empty();
  }

  private static boolean secretMatches(AppClient client, String provided) {
    return provided != null
        && MessageDigest.isEqual(
            client.secret().get().getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8));
  }
}
