package dev.cognate.app;

import dev.cognate.app.CognitoFailures.Route;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The four routes of the original user service, independent of how requests arrive: the local HTTP server and
 * the Lambda handlers both call these, so they answer alike.
 */
public final class UserApi {
  static final ApiResponse INVALID_BODY = ApiResponse.of(400, "message", "Invalid request body");

  private final UserAuthService users;

  public UserApi(UserAuthService users) {
    this.users = users;
  }

  /** {@code POST /user/signup} with {@code {username, password, email}}. */
  public ApiResponse signup(String body) {
    Optional<Map<String, String>> fields = RequestBody.fields(body, List.of("username", "password", "email"));
    if (fields.isEmpty()) {
      return INVALID_BODY;
    }
    Map<String, String> f = fields.get();
    try {
      users.signUp(f.get("username"), f.get("password"), f.get("email"));
      return ApiResponse.of(201, "message", "User registered successfully...");
    } catch (SdkException e) {
      return CognitoFailures.response(Route.SIGNUP, e);
    }
  }

  /** {@code POST /user/verification} with {@code {username, code}}. */
  public ApiResponse verification(String body) {
    Optional<Map<String, String>> fields = RequestBody.fields(body, List.of("username", "code"));
    if (fields.isEmpty()) {
      return INVALID_BODY;
    }
    try {
      users.confirmSignUp(fields.get().get("username"), fields.get().get("code"));
      return ApiResponse.of(200, "message", "User verified successfully ...");
    } catch (SdkException e) {
      return CognitoFailures.response(Route.VERIFICATION, e);
    }
  }

  /** {@code POST /user/login} with {@code {username, password}}; answers the ID token. */
  public ApiResponse login(String body) {
    Optional<Map<String, String>> fields = RequestBody.fields(body, List.of("username", "password"));
    if (fields.isEmpty()) {
      return INVALID_BODY;
    }
    try {
      UserAuthService.SignIn signIn = users.login(fields.get().get("username"), fields.get().get("password"));
      if (signIn.challenge().isPresent()) {
        return CognitoFailures.challenge(signIn.challenge().get());
      }
      return ApiResponse.of(200, "message", "User logged in successfully ...", "token", signIn.idToken());
    } catch (SdkException e) {
      return CognitoFailures.response(Route.LOGIN, e);
    }
  }

  /**
   * {@code GET /user/hello}, behind the Cognito authorizer: {@code claims} are the ID token's claims as API Gateway
   * passes them, a flat map of strings.
   */
  public ApiResponse hello(Map<String, String> claims) {
    return ApiResponse.of(200, "message", "Email " + claims.get("email") + " has been authorized");
  }
}
