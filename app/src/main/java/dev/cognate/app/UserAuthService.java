package dev.cognate.app;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** The three Cognito calls the application makes, over one shared SDK client. */
public final class UserAuthService {
  private final CognitoIdentityProviderClient cognito;
  private final String userPoolId;
  private final String clientId;

  public UserAuthService(CognitoIdentityProviderClient cognito, String userPoolId, String clientId) {
    this.cognito = cognito;
    this.userPoolId = userPoolId;
    this.clientId = clientId;
  }

  /** Registers an unconfirmed user; Cognito e-mails the confirmation code. */
  public void signUp(String username, String password, String email) {
    cognito.signUp(
        b -> b.clientId(clientId)
            .username(username)
            .password(password)
            .userAttributes(AttributeType.builder().name("email").value(email).build()));
  }

  public void confirmSignUp(String username, String code) {
    cognito.confirmSignUp(b -> b.clientId(clientId).username(username).confirmationCode(code));
  }

  /** The ID token of a sign-in, or the challenge Cognito asked for instead of tokens. */
  public record SignIn(String idToken, Optional<String> challenge) {}

  /** Server-side password sign-in; needs {@code cognito-idp:AdminInitiateAuth} on AWS. */
  public SignIn login(String username, String password) {
    AdminInitiateAuthResponse response =
        cognito.adminInitiateAuth(
            b -> b.userPoolId(userPoolId)
                .clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    AuthenticationResultType result = response.authenticationResult();
    if (result == null || result.idToken() == null) {
      return new SignIn(null, Optional.of(String.valueOf(response.challengeNameAsString())));
    }
    return new SignIn(result.idToken(), Optional.empty());
  }
}
