package dev.cognate.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObject;
import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/** Steps and checks the contract cases share. */
final class Cases {
  static final String PASSWORD = "Passw0rd!";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Cases() {}

  /** A username no other case or run uses. */
  static String username() {
    return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static String email(String username) {
    return username + "@example.com";
  }

  /** Cognito's error code and exact message, from whatever call is made. */
  static CognitoIdentityProviderException assertCognitoError(String code, String message, Executable call) {
    CognitoIdentityProviderException e = assertThrows(CognitoIdentityProviderException.class, call);
    assertEquals(code, e.awsErrorDetails().errorCode(), () -> "code of: " + e.awsErrorDetails().errorMessage());
    assertEquals(message, e.awsErrorDetails().errorMessage());
    assertEquals(400, e.statusCode());
    return e;
  }

  // ------------------------------------------------------------------------------------------ pools and clients

  /** {@code spec} with a client secret. */
  static PoolSpec withSecret(PoolSpec spec) {
    return spec.toBuilder().generateSecret(true).build();
  }

  /** {@code spec} with the client's {@code PreventUserExistenceErrors} set to {@code value}. */
  static PoolSpec withUserExistenceErrors(PoolSpec spec, String value) {
    return spec.toBuilder().preventUserExistenceErrors(value).build();
  }

  /** {@code spec} with exactly these client auth flows. */
  static PoolSpec withFlows(PoolSpec spec, List<String> flows) {
    return spec.toBuilder().explicitAuthFlows(flows).build();
  }

  /** A well-formed app client id (26 chars of lowercase base32hex, first char 0-7) that no pool has. */
  static String randomClientId() {
    String alphabet = "0123456789abcdefghijklmnopqrstuv";
    StringBuilder id = new StringBuilder().append(alphabet.charAt(RANDOM.nextInt(8)));
    while (id.length() < 26) {
      id.append(alphabet.charAt(RANDOM.nextInt(32)));
    }
    return id.toString();
  }

  /** Base64(HMAC-SHA256(key = client secret, message = username + client id)). */
  static String secretHash(String secret, String username, String clientId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The secret hash a client with a secret needs, or null for a client without one. */
  private static String secretHashFor(CognatePool pool, String username) {
    return pool.clientSecret().map(secret -> secretHash(secret, username, pool.clientId())).orElse(null);
  }

  // ------------------------------------------------------------------------------------------ users

  static String signUp(Target target, CognatePool pool, String username, String password) {
    return target
        .cognito()
        .signUp(
            b -> b.clientId(pool.clientId())
                .username(username)
                .password(password)
                .secretHash(secretHashFor(pool, username))
                .userAttributes(AttributeType.builder().name("email").value(email(username)).build()))
        .userSub();
  }

  /**
   * Confirms a signed-up user the way the target allows: with the e-mailed code where codes can be read, by an
   * administrator elsewhere (on AWS the code goes to a mailbox nobody reads).
   */
  static void confirm(Target target, CognatePool pool, String username) {
    if (target.can(Capability.READ_CODES)) {
      String code = target.lastCode(pool.userPoolId(), username).orElseThrow();
      target
          .cognito()
          .confirmSignUp(
              b -> b.clientId(pool.clientId())
                  .username(username)
                  .confirmationCode(code)
                  .secretHash(secretHashFor(pool, username)));
    } else {
      target.cognito().adminConfirmSignUp(b -> b.userPoolId(pool.userPoolId()).username(username));
    }
  }

  static String signUpConfirmed(Target target, CognatePool pool, String username) {
    String sub = signUp(target, pool, username, PASSWORD);
    confirm(target, pool, username);
    return sub;
  }

  /**
   * A confirmation code that is not the one sent: where codes can be read, anything else; elsewhere a fixed code,
   * wrong but for a one-in-a-million chance.
   */
  static String wrongCode(Target target, CognatePool pool, String username) {
    String sent = target.lastCode(pool.userPoolId(), username).orElse("");
    return sent.equals("000000") ? "111111" : "000000";
  }

  /** One attribute of the user as AdminGetUser reports it. */
  static Optional<String> attribute(Target target, CognatePool pool, String username, String name) {
    return target.cognito().adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(username)).userAttributes()
        .stream()
        .filter(a -> a.name().equals(name))
        .map(AttributeType::value)
        .findFirst();
  }

  // ------------------------------------------------------------------------------------------ sign-in

  /** The auth parameters of a password sign-in, with the secret hash when the client has a secret. */
  static Map<String, String> passwordParameters(CognatePool pool, String username, String password) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("USERNAME", username);
    parameters.put("PASSWORD", password);
    String hash = secretHashFor(pool, username);
    if (hash != null) {
      parameters.put("SECRET_HASH", hash);
    }
    return parameters;
  }

  /** InitiateAuth USER_PASSWORD_AUTH through the pool's client. */
  static InitiateAuthResponse login(Target target, CognatePool pool, String username, String password) {
    return target
        .cognito()
        .initiateAuth(
            b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(passwordParameters(pool, username, password)));
  }

  static InitiateAuthResponse login(Target target, CognatePool pool, String username) {
    return login(target, pool, username, PASSWORD);
  }

  /** InitiateAuth REFRESH_TOKEN_AUTH through the pool's client (a client without a secret). */
  static InitiateAuthResponse refresh(Target target, CognatePool pool, String refreshToken) {
    return target
        .cognito()
        .initiateAuth(
            b -> b.clientId(pool.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refreshToken)));
  }

  // ------------------------------------------------------------------------------------------ tokens

  /**
   * The issuer a pool's tokens must carry on this target: the endpoint the SDK talks to (AWS's regional endpoint
   * when there is no override) plus the pool id.
   */
  static String expectedIssuer(Target target, String userPoolId) {
    String base =
        target.endpoint().map(Object::toString).orElse("https://cognito-idp." + target.region() + ".amazonaws.com");
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + userPoolId;
  }

  /** A JWT's header as sent, with the JSON types intact. */
  static JsonNode header(String token) {
    try {
      return JSON.readTree(JOSEObject.split(token)[0].decodeToString());
    } catch (ParseException | IOException e) {
      throw new AssertionError("not a JWT: " + token, e);
    }
  }

  /** A JWT's claims as sent, with the JSON types intact (booleans, numbers, a single audience as a string). */
  static JsonNode payload(String token) {
    try {
      return JSON.readTree(JOSEObject.split(token)[1].decodeToString());
    } catch (ParseException | IOException e) {
      throw new AssertionError("not a JWT: " + token, e);
    }
  }

  /** A JSON document served over HTTP GET, which must answer 200. */
  static JsonNode getJson(URI uri) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), () -> "GET " + uri + ": " + response.body());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("GET " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: GET " + uri, e);
    }
  }
}
