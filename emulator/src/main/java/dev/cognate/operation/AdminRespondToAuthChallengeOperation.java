package dev.cognate.operation;

import dev.cognate.domain.ChallengeName;
import dev.cognate.operation.wire.InitiateAuthResponse;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.Challenges;
import dev.cognate.service.Directory;
import dev.cognate.validation.Length;
import dev.cognate.validation.OneOf;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.util.Map;

/** AdminRespondToAuthChallenge: the answer to a sign-in's challenge from a back end holding AWS credentials. */
public final class AdminRespondToAuthChallengeOperation
    implements Operation<
        AdminRespondToAuthChallengeOperation.AdminRespondToAuthChallengeRequest, InitiateAuthResponse> {
  private final Directory directory;
  private final Challenges challenges;

  public AdminRespondToAuthChallengeOperation(Directory directory, Challenges challenges) {
    this.directory = directory;
    this.challenges = challenges;
  }

  public record AdminRespondToAuthChallengeRequest(
      @Required @Length(min = 1, max = 55) @Pattern(Shapes.USER_POOL_ID) String UserPoolId,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.CLIENT_ID) String ClientId,
      @Required
          @OneOf({
            "SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA", "SELECT_MFA_TYPE", "MFA_SETUP", "PASSWORD_VERIFIER",
            "CUSTOM_CHALLENGE", "SELECT_CHALLENGE", "DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER", "ADMIN_NO_SRP_AUTH",
            "NEW_PASSWORD_REQUIRED", "SMS_OTP", "PASSWORD", "WEB_AUTHN", "PASSWORD_SRP"
          })
          String ChallengeName,
      @Sensitive Map<String, String> ChallengeResponses,
      @Sensitive @Length(min = 20, max = 2048) String Session,
      Map<String, Object> AnalyticsMetadata,
      Map<String, Object> ContextData,
      Map<String, String> ClientMetadata) {}

  @Override
  public String name() {
    return "AdminRespondToAuthChallenge";
  }

  @Override
  public Class<AdminRespondToAuthChallengeRequest> requestType() {
    return AdminRespondToAuthChallengeRequest.class;
  }

  @Override
  public InitiateAuthResponse handle(AdminRespondToAuthChallengeRequest request, RequestContext context) {
    Directory.ClientInPool target = directory.client(request.UserPoolId(), request.ClientId());
    return InitiateAuthResponse.of(
        challenges.respond(
            target,
            ChallengeName.valueOf(request.ChallengeName()),
            request.Session(),
            request.ChallengeResponses(),
            context.issuer(target.pool().id())));
  }
}
