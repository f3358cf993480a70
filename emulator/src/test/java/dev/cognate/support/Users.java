package dev.cognate.support;

import dev.cognate.Cognate;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;

/** Signs users up, confirms them and signs them in through the SDK, the way an app does. */
public final class Users {
  /** Good enough for {@link Pools#appPool}, which only asks for six characters. */
  public static final String APP_PASSWORD = "secret";

  private Users() {}

  public static SignUpResponse signUp(
      CognitoIdentityProviderClient cognito,
      String clientId,
      String username,
      String password,
      AttributeType... attributes) {
    return cognito.signUp(
        r -> r.clientId(clientId).username(username).password(password).userAttributes(attributes));
  }

  /** Signs up with {@link #APP_PASSWORD} and an e-mail, as the app-like pool requires. */
  public static SignUpResponse signUp(CognitoIdentityProviderClient cognito, Pool pool, String username, String email) {
    return signUp(cognito, pool.clientId(), username, APP_PASSWORD, attr("email", email));
  }

  /** Confirms the sign-up with the last code the outbox holds for the user; returns that code. */
  public static String confirmWithLastCode(
      CognitoIdentityProviderClient cognito, Cognate emulator, Pool pool, String username) {
    String code = emulator.outbox().lastCode(pool.poolId(), username).orElseThrow();
    cognito.confirmSignUp(r -> r.clientId(pool.clientId()).username(username).confirmationCode(code));
    return code;
  }

  /** Signs up and confirms with the e-mailed code, so the e-mail is verified too; returns the sub. */
  public static String signUpConfirmed(
      CognitoIdentityProviderClient cognito,
      Cognate emulator,
      Pool pool,
      String username,
      String password,
      AttributeType... attributes) {
    String sub = signUp(cognito, pool.clientId(), username, password, attributes).userSub();
    confirmWithLastCode(cognito, emulator, pool, username);
    return sub;
  }

  public static AuthenticationResultType signIn(
      CognitoIdentityProviderClient cognito, String clientId, String username, String password) {
    return cognito
        .initiateAuth(
            r -> r.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)))
        .authenticationResult();
  }

  public static AuthenticationResultType refresh(
      CognitoIdentityProviderClient cognito, String clientId, String refreshToken) {
    return cognito
        .initiateAuth(
            r -> r.clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken)))
        .authenticationResult();
  }

  public static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  public static Map<String, String> attributes(List<AttributeType> attributes) {
    return attributes.stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
  }

  /** SECRET_HASH as a client computes it: Base64(HMAC-SHA256(secret, username + clientId)). */
  public static String secretHash(String secret, String username, String clientId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
