package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.cognate.support.Http;
import dev.cognate.support.StandaloneEmulator;
import dev.cognate.support.Users;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full flow against the standalone jar with a file database, with a client that has a secret: every response
 * (headers and body), every log line and the raw bytes of every database file are scanned for the plain password, the
 * refresh token and the client secret. The file is scanned byte by byte, so old row versions H2 still keeps in it
 * are scanned too (H2 does not compress pages unless told to, and Cognate does not tell it to).
 */
class SecretsScanIT {
  private static final String PASSWORD = "Scan-Me-Pa55word!";
  private static final String USERNAME = "scanned-user";
  private static final String EMAIL = "scanned-user@example.com";
  /** The responses that carry a value by design, as in real Cognito. */
  private static final Set<String> RETURNS_CLIENT_SECRET = Set.of("CreateUserPoolClient", "DescribeUserPoolClient");
  private static final Set<String> RETURNS_REFRESH_TOKEN = Set.of("InitiateAuth USER_PASSWORD_AUTH");

  private final List<Exchange> exchanges = new ArrayList<>();
  private URI endpoint;

  @Test
  void noPasswordRefreshTokenOrClientSecretLeaks(@TempDir Path temp) throws Exception {
    Path dataDir = temp.resolve("data");
    StandaloneEmulator emulator = StandaloneEmulator.start(dataDir, temp, "scan");
    String clientSecret;
    String refreshToken;
    try {
      endpoint = emulator.endpoint();
      String poolId = path(call("CreateUserPool", Map.of("PoolName", "scan", "AutoVerifiedAttributes", List.of("email"))), "UserPool", "Id");
      Map<String, Object> client =
          call(
              "CreateUserPoolClient",
              Map.of(
                  "UserPoolId", poolId,
                  "ClientName", "confidential",
                  "GenerateSecret", true,
                  "ExplicitAuthFlows", List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")));
      String clientId = path(client, "UserPoolClient", "ClientId");
      clientSecret = path(client, "UserPoolClient", "ClientSecret");
      assertNotNull(clientSecret);
      assertEquals(
          clientSecret,
          path(
              call("DescribeUserPoolClient", Map.of("UserPoolId", poolId, "ClientId", clientId)),
              "UserPoolClient",
              "ClientSecret"));
      String secretHash = Users.secretHash(clientSecret, USERNAME, clientId);

      call(
          "SignUp",
          Map.of(
              "ClientId", clientId,
              "SecretHash", secretHash,
              "Username", USERNAME,
              "Password", PASSWORD,
              "UserAttributes", List.of(Map.of("Name", "email", "Value", EMAIL))));
      // The same sign-up again: an error answer to a request that carries the password.
      callExpectingError(
          "SignUp",
          "UsernameExistsException",
          Map.of("ClientId", clientId, "SecretHash", secretHash, "Username", USERNAME, "Password", PASSWORD));
      String code = lastCode(poolId);
      call(
          "ConfirmSignUp",
          Map.of("ClientId", clientId, "SecretHash", secretHash, "Username", USERNAME, "ConfirmationCode", code));

      Map<String, Object> login =
          call(
              "InitiateAuth",
              "InitiateAuth USER_PASSWORD_AUTH",
              Map.of(
                  "ClientId", clientId,
                  "AuthFlow", "USER_PASSWORD_AUTH",
                  "AuthParameters", Map.of("USERNAME", USERNAME, "PASSWORD", PASSWORD, "SECRET_HASH", secretHash)));
      refreshToken = path(login, "AuthenticationResult", "RefreshToken");
      String accessToken = path(login, "AuthenticationResult", "AccessToken");
      callExpectingError(
          "InitiateAuth",
          "NotAuthorizedException",
          Map.of(
              "ClientId", clientId,
              "AuthFlow", "REFRESH_TOKEN_AUTH",
              "AuthParameters", Map.of("REFRESH_TOKEN", refreshToken)));
      call(
          "InitiateAuth",
          "InitiateAuth REFRESH_TOKEN_AUTH",
          Map.of(
              "ClientId", clientId,
              "AuthFlow", "REFRESH_TOKEN_AUTH",
              "AuthParameters", Map.of("REFRESH_TOKEN", refreshToken, "SECRET_HASH", secretHash)));
      call("GetUser", Map.of("AccessToken", accessToken));
      call("RevokeToken", Map.of("Token", refreshToken, "ClientId", clientId, "ClientSecret", clientSecret));
      callExpectingError(
          "InitiateAuth",
          "NotAuthorizedException",
          Map.of(
              "ClientId", clientId,
              "AuthFlow", "REFRESH_TOKEN_AUTH",
              "AuthParameters", Map.of("REFRESH_TOKEN", refreshToken, "SECRET_HASH", secretHash)));
      get("/" + poolId + "/.well-known/jwks.json");
      get("/" + poolId + "/.well-known/openid-configuration");
      emulator.stop();
    } finally {
      emulator.close();
    }

    List<String> logLines = new ArrayList<>(emulator.logLines());
    List<Path> databaseFiles;
    try (Stream<Path> files = Files.list(dataDir)) {
      databaseFiles = files.sorted().toList();
    }
    for (Path file : databaseFiles) {
      if (file.getFileName().toString().endsWith(".trace.db")) {
        logLines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    List<String> leaks = new ArrayList<>();
    for (Exchange exchange : exchanges) {
      scan(exchange.text(), "the response to " + exchange.what(), PASSWORD, "password", leaks);
      if (!RETURNS_REFRESH_TOKEN.contains(exchange.what())) {
        scan(exchange.text(), "the response to " + exchange.what(), refreshToken, "refresh token", leaks);
      }
      if (!RETURNS_CLIENT_SECRET.contains(exchange.what())) {
        scan(exchange.text(), "the response to " + exchange.what(), clientSecret, "client secret", leaks);
      }
    }
    for (String line : logLines) {
      scan(line, "the log line " + line, PASSWORD, "password", leaks);
      scan(line, "the log line " + line, refreshToken, "refresh token", leaks);
      scan(line, "the log line " + line, clientSecret, "client secret", leaks);
    }
    long databaseBytes = 0;
    boolean secretInDatabase = false;
    for (Path file : databaseFiles) {
      byte[] bytes = Files.readAllBytes(file);
      databaseBytes += bytes.length;
      // Positive control: the scan does see what is stored in plain, such as the e-mail address.
      if (file.getFileName().toString().endsWith(".mv.db")) {
        assertTrue(contains(bytes, EMAIL.getBytes(StandardCharsets.UTF_8)), "the scan cannot see plain values");
      }
      for (byte[] form : forms(PASSWORD)) {
        if (contains(bytes, form)) {
          leaks.add("the password in " + file.getFileName());
        }
      }
      for (byte[] form : forms(refreshToken)) {
        if (contains(bytes, form)) {
          leaks.add("the refresh token in " + file.getFileName());
        }
      }
      secretInDatabase |= forms(clientSecret).stream().anyMatch(form -> contains(bytes, form));
    }
    assertEquals(List.of(), leaks);
    assertTrue(exchanges.size() >= 14, "the flow stopped early");
    System.out.printf(
        "[secrets] %d responses (headers and bodies), %d log lines and %d bytes of database files %s scanned: no"
            + " plain password, no refresh token, no client secret outside CreateUserPoolClient,"
            + " DescribeUserPoolClient and the password login; the client secret %s in the database, by design"
            + " (SECRET_HASH needs it and DescribeUserPoolClient returns it)%n",
        exchanges.size(), logLines.size(), databaseBytes,
        databaseFiles.stream().map(f -> f.getFileName().toString()).toList(),
        secretInDatabase ? "is stored" : "was not found");
  }

  /**
   * The invitation and password flows: a temporary password given to AdminCreateUser (suppressed, so stored only
   * as a hash), the NEW_PASSWORD_REQUIRED answer, ChangePassword, AdminSetUserPassword and ConfirmForgotPassword,
   * with error answers to requests carrying passwords. No password of them and no challenge session may appear in a
   * log line or a database file, nor in any response but the session in the sign-in that issued it.
   */
  @Test
  void noPasswordOrChallengeSessionOfTheInvitationAndPasswordFlowsLeaks(@TempDir Path temp) throws Exception {
    String username = "invited-user";
    String temporary = "Temp-Scan-Pa55!";
    List<String> passwords =
        List.of(temporary, "Chosen-Scan-Pa55!", "Changed-Scan-Pa55!", "Admin-Scan-Pa55!", "Reset-Scan-Pa55!",
            "Wrong-Scan-Pa55!");
    Path dataDir = temp.resolve("data");
    StandaloneEmulator emulator = StandaloneEmulator.start(dataDir, temp, "scan-flows");
    String session;
    try {
      endpoint = emulator.endpoint();
      String poolId = path(call("CreateUserPool", Map.of("PoolName", "flows", "AutoVerifiedAttributes", List.of("email"))), "UserPool", "Id");
      String clientId =
          path(
              call(
                  "CreateUserPoolClient",
                  Map.of(
                      "UserPoolId", poolId,
                      "ClientName", "public",
                      "ExplicitAuthFlows", List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))),
              "UserPoolClient",
              "ClientId");
      Map<String, Object> invitation =
          Map.of(
              "UserPoolId", poolId,
              "Username", username,
              "TemporaryPassword", temporary,
              "MessageAction", "SUPPRESS",
              "UserAttributes",
              List.of(Map.of("Name", "email", "Value", EMAIL), Map.of("Name", "email_verified", "Value", "true")));
      call("AdminCreateUser", invitation);
      callExpectingError("AdminCreateUser", "UsernameExistsException", invitation);
      session =
          (String)
              call(
                      "InitiateAuth",
                      "InitiateAuth NEW_PASSWORD_REQUIRED",
                      Map.of(
                          "ClientId", clientId,
                          "AuthFlow", "USER_PASSWORD_AUTH",
                          "AuthParameters", Map.of("USERNAME", username, "PASSWORD", temporary)))
                  .get("Session");
      assertNotNull(session);
      Map<String, Object> answer =
          Map.of(
              "ClientId", clientId,
              "ChallengeName", "NEW_PASSWORD_REQUIRED",
              "Session", session,
              "ChallengeResponses", Map.of("USERNAME", username, "NEW_PASSWORD", passwords.get(1)));
      callExpectingError(
          "RespondToAuthChallenge",
          "InvalidPasswordException",
          Map.of(
              "ClientId", clientId,
              "ChallengeName", "NEW_PASSWORD_REQUIRED",
              "Session", session,
              "ChallengeResponses", Map.of("USERNAME", username, "NEW_PASSWORD", "nopolicy")));
      String accessToken = path(call("RespondToAuthChallenge", answer), "AuthenticationResult", "AccessToken");
      callExpectingError("RespondToAuthChallenge", "NotAuthorizedException", answer);
      callExpectingError(
          "ChangePassword",
          "NotAuthorizedException",
          Map.of("AccessToken", accessToken, "PreviousPassword", passwords.get(5), "ProposedPassword", passwords.get(2)));
      call(
          "ChangePassword",
          Map.of("AccessToken", accessToken, "PreviousPassword", passwords.get(1), "ProposedPassword", passwords.get(2)));
      call(
          "AdminSetUserPassword",
          Map.of("UserPoolId", poolId, "Username", username, "Password", passwords.get(3), "Permanent", true));
      call("ForgotPassword", Map.of("ClientId", clientId, "Username", username));
      String code = lastCode(poolId, username);
      Map<String, Object> reset =
          Map.of("ClientId", clientId, "Username", username, "ConfirmationCode", code, "Password", passwords.get(4));
      call("ConfirmForgotPassword", reset);
      callExpectingError("ConfirmForgotPassword", "ExpiredCodeException", reset);
      call(
          "InitiateAuth",
          "InitiateAuth USER_PASSWORD_AUTH",
          Map.of(
              "ClientId", clientId,
              "AuthFlow", "USER_PASSWORD_AUTH",
              "AuthParameters", Map.of("USERNAME", username, "PASSWORD", passwords.get(4))));
      emulator.stop();
    } finally {
      emulator.close();
    }

    List<String> logLines = new ArrayList<>(emulator.logLines());
    List<Path> databaseFiles;
    try (Stream<Path> files = Files.list(dataDir)) {
      databaseFiles = files.sorted().toList();
    }
    List<String> leaks = new ArrayList<>();
    for (Exchange exchange : exchanges) {
      passwords.forEach(p -> scan(exchange.text(), "the response to " + exchange.what(), p, "password", leaks));
      if (!exchange.what().equals("InitiateAuth NEW_PASSWORD_REQUIRED")) {
        scan(exchange.text(), "the response to " + exchange.what(), session, "challenge session", leaks);
      }
    }
    for (String line : logLines) {
      passwords.forEach(p -> scan(line, "the log line " + line, p, "password", leaks));
      scan(line, "the log line " + line, session, "challenge session", leaks);
    }
    long databaseBytes = 0;
    for (Path file : databaseFiles) {
      byte[] bytes = Files.readAllBytes(file);
      databaseBytes += bytes.length;
      if (file.getFileName().toString().endsWith(".mv.db")) {
        assertTrue(contains(bytes, EMAIL.getBytes(StandardCharsets.UTF_8)), "the scan cannot see plain values");
      }
      for (String secret : concat(passwords, session)) {
        if (forms(secret).stream().anyMatch(form -> contains(bytes, form))) {
          leaks.add("a password or the session (" + secret.length() + " chars) in " + file.getFileName());
        }
      }
    }
    assertEquals(List.of(), leaks);
    System.out.printf(
        "[secrets] invitation and password flows: %d responses, %d log lines and %d bytes of database files scanned"
            + " for %d passwords and the challenge session: none found outside the sign-in that issued the session%n",
        exchanges.size(), logLines.size(), databaseBytes, passwords.size());
  }

  private static List<String> concat(List<String> values, String more) {
    List<String> all = new ArrayList<>(values);
    all.add(more);
    return all;
  }

  // ---------------------------------------------------------------- helpers

  private Map<String, Object> call(String operation, Map<String, Object> body) throws Exception {
    return call(operation, operation, body);
  }

  private Map<String, Object> call(String operation, String what, Map<String, Object> body) throws Exception {
    HttpResponse<String> response = post(operation, what, body);
    assertEquals(200, response.statusCode(), what + ": " + response.body());
    return JSONObjectUtils.parse(response.body());
  }

  private void callExpectingError(String operation, String errorCode, Map<String, Object> body) throws Exception {
    HttpResponse<String> response = post(operation, operation + " (" + errorCode + ")", body);
    assertEquals(400, response.statusCode(), response.body());
    assertEquals(errorCode, JSONObjectUtils.parse(response.body()).get("__type"), response.body());
  }

  private HttpResponse<String> post(String operation, String what, Map<String, Object> body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve("/"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
            .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(new LinkedHashMap<>(body))))
            .build();
    return record(what, Http.send(request));
  }

  private void get(String path) throws Exception {
    HttpResponse<String> response = record("GET " + path, Http.get(endpoint.resolve(path)));
    assertEquals(200, response.statusCode(), response.body());
  }

  private String lastCode(String poolId) throws Exception {
    return lastCode(poolId, USERNAME);
  }

  private String lastCode(String poolId, String username) throws Exception {
    HttpResponse<String> response = record("GET /_cognate/codes", Http.codes(endpoint, poolId, username));
    assertEquals(200, response.statusCode(), response.body());
    List<Object> codes = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(response.body()), "codes");
    @SuppressWarnings("unchecked")
    Map<String, Object> last = (Map<String, Object>) codes.get(codes.size() - 1);
    return (String) last.get("code");
  }

  private HttpResponse<String> record(String what, HttpResponse<String> response) {
    StringBuilder text = new StringBuilder().append(response.statusCode()).append('\n');
    response.headers().map().forEach((name, values) -> values.forEach(v -> text.append(name).append(": ").append(v).append('\n')));
    text.append('\n').append(response.body());
    exchanges.add(new Exchange(what, text.toString()));
    return response;
  }

  @SuppressWarnings("unchecked")
  private static String path(Map<String, Object> json, String outer, String inner) {
    return (String) ((Map<String, Object>) json.get(outer)).get(inner);
  }

  private static void scan(String text, String where, String secret, String name, List<String> leaks) {
    if (text.contains(secret)) {
      leaks.add("the " + name + " in " + where);
    }
  }

  /** The encodings a string could have in the file: UTF-8, and UTF-16 either way round. */
  private static List<byte[]> forms(String value) {
    return List.of(
        value.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_16BE),
        value.getBytes(StandardCharsets.UTF_16LE));
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private record Exchange(String what, String text) {}
}
