package dev.cognate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/** The routes over a recording stand-in for Cognito: what the app sends, and when it sends nothing. */
class UserApiTest {

  /** Records every request; answers login with whatever {@link #loginAnswer} holds. */
  private static final class RecordingCognito implements CognitoIdentityProviderClient {
    final List<AwsRequest> requests = new ArrayList<>();
    AdminInitiateAuthResponse loginAnswer =
        AdminInitiateAuthResponse.builder().authenticationResult(r -> r.idToken("id.token.here").accessToken("a")).build();

    @Override
    public SignUpResponse signUp(SignUpRequest request) {
      requests.add(request);
      return SignUpResponse.builder().userConfirmed(false).userSub("sub").build();
    }

    @Override
    public ConfirmSignUpResponse confirmSignUp(ConfirmSignUpRequest request) {
      requests.add(request);
      return ConfirmSignUpResponse.builder().build();
    }

    @Override
    public AdminInitiateAuthResponse adminInitiateAuth(AdminInitiateAuthRequest request) {
      requests.add(request);
      return loginAnswer;
    }

    @Override
    public String serviceName() {
      return "cognito-idp";
    }

    @Override
    public void close() {}
  }

  private final RecordingCognito cognito = new RecordingCognito();
  private final UserApi api = new UserApi(new UserAuthService(cognito, "us-east-1_AbC123xyZ", "client123"));

  @Test
  void signupSendsSignUpWithTheEmailAttribute() {
    ApiResponse response =
        api.signup("{\"username\":\"erin\",\"password\":\"Passw0rd!\",\"email\":\"erin@example.com\"}");
    assertEquals(ApiResponse.of(201, "message", "User registered successfully..."), response);
    SignUpRequest request = (SignUpRequest) cognito.requests.get(0);
    assertEquals("client123", request.clientId());
    assertEquals("erin", request.username());
    assertEquals("Passw0rd!", request.password());
    assertEquals(List.of(AttributeType.builder().name("email").value("erin@example.com").build()), request.userAttributes());
  }

  @Test
  void verificationSendsConfirmSignUp() {
    ApiResponse response = api.verification("{\"username\":\"erin\",\"code\":\"123456\"}");
    assertEquals(ApiResponse.of(200, "message", "User verified successfully ..."), response);
    ConfirmSignUpRequest request = (ConfirmSignUpRequest) cognito.requests.get(0);
    assertEquals("client123", request.clientId());
    assertEquals("erin", request.username());
    assertEquals("123456", request.confirmationCode());
  }

  @Test
  void loginSendsAdminUserPasswordAuthAndAnswersTheIdToken() {
    ApiResponse response = api.login("{\"username\":\"erin\",\"password\":\"Passw0rd!\"}");
    assertEquals(ApiResponse.of(200, "message", "User logged in successfully ...", "token", "id.token.here"), response);
    AdminInitiateAuthRequest request = (AdminInitiateAuthRequest) cognito.requests.get(0);
    assertEquals("us-east-1_AbC123xyZ", request.userPoolId());
    assertEquals("client123", request.clientId());
    assertEquals(AuthFlowType.ADMIN_USER_PASSWORD_AUTH, request.authFlow());
    assertEquals(Map.of("USERNAME", "erin", "PASSWORD", "Passw0rd!"), request.authParameters());
  }

  @Test
  void invalidBodiesNeverReachCognito() {
    for (String body : new String[] {null, "", " ", "x", "[]", "{}", "1", "\"s\"", "true", "null"}) {
      assertEquals(ApiResponse.of(400, "message", "Invalid request body"), api.signup(body), String.valueOf(body));
      assertEquals(ApiResponse.of(400, "message", "Invalid request body"), api.verification(body), String.valueOf(body));
      assertEquals(ApiResponse.of(400, "message", "Invalid request body"), api.login(body), String.valueOf(body));
    }
    assertTrue(cognito.requests.isEmpty(), cognito.requests.toString());
  }

  @Test
  void helloAnswersTheEmailOfTheClaims() {
    assertEquals(
        ApiResponse.of(200, "message", "Email erin@example.com has been authorized"),
        api.hello(Map.of("email", "erin@example.com", "token_use", "id")));
  }

  /**
   * Cognito answers a sign-in with a challenge instead of tokens when, for example, an administrator created the
   * user (NEW_PASSWORD_REQUIRED) or MFA is on. The app cannot complete it: it must answer, not throw.
   */
  @Test
  void aLoginAnsweredWithAChallengeIsAnAnswerNotAnException() {
    cognito.loginAnswer =
        AdminInitiateAuthResponse.builder()
            .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
            .session("session-of-at-least-twenty-characters")
            .build();
    ApiResponse response = api.login("{\"username\":\"erin\",\"password\":\"Passw0rd!\"}");
    assertEquals(
        ApiResponse.of(
            403,
            "message",
            "Authentication failed",
            "error",
            "Sign-in needs the NEW_PASSWORD_REQUIRED step, which this app does not support."),
        response);
  }
}
