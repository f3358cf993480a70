package dev.cognate.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the sign-up codes a target "sent" can be read, read once before ConfirmSignUp is measured so that reading
 * them is not part of the measurement: Cognate's {@code /_cognate/codes}, or cognito-local's data file in the
 * working directory the benchmark started it in. A target with neither gets no codes; moto accepts any.
 */
final class Codes {
  private Codes() {}

  static Map<String, String> signUpCodes(CognitoApi api, String userPoolId, Optional<Path> workDir) {
    Map<String, String> codes = new HashMap<>();
    HttpConnection.Response listed = api.get("/_cognate/codes?userPoolId=" + userPoolId);
    if (listed.status() == 200) {
      for (JsonNode code : parse(listed.body()).path("codes")) {
        if ("SIGN_UP".equals(code.path("purpose").asText())) {
          codes.put(code.path("username").asText(), code.path("code").asText());
        }
      }
      return codes;
    }
    Optional<Path> dataFile = workDir.map(d -> d.resolve(".cognito/db/" + userPoolId + ".json")).filter(Files::exists);
    if (dataFile.isPresent()) {
      try {
        parse(Files.readAllBytes(dataFile.get())).path("Users").fields().forEachRemaining(user -> {
          JsonNode code = user.getValue().path("ConfirmationCode");
          if (code.isTextual()) {
            codes.put(user.getKey(), code.asText());
          }
        });
      } catch (IOException e) {
        return codes;
      }
    }
    return codes;
  }

  private static JsonNode parse(byte[] json) {
    try {
      return CognitoApi.JSON.readTree(json);
    } catch (IOException e) {
      return CognitoApi.JSON.createObjectNode();
    }
  }
}
