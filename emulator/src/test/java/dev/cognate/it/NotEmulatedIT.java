package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.operation.ServiceModelOperations;
import dev.cognate.support.CapturedLog;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedOperationException;

/**
 * A Cognito operation Cognate does not emulate says so by name, apart from a misspelt target, which stays
 * UnknownOperationException as AWS answers it; the request log names the operation either way it is known.
 */
class NotEmulatedIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.start();
  private static final CognitoIdentityProviderClient COGNITO = EMULATOR.cognito();
  private static final URI ENDPOINT = EMULATOR.cognate().endpoint();

  // The operations named here are far from Cognate's plans (user import, advanced security), so that emulating
  // more operations does not change what these tests see.
  private static String notEmulated(String operation) {
    return operation + " is a Cognito operation that Cognate does not emulate yet.";
  }

  @Test
  void aSignedOperationNotEmulatedNamesItselfThroughTheSdk() {
    assertCognitoError(
        UnsupportedOperationException.class,
        notEmulated("CreateUserImportJob"),
        () -> COGNITO.createUserImportJob(
            r -> r.userPoolId("us-east-1_aaaaaaaaa").jobName("import").cloudWatchLogsRoleArn("arn:aws:iam::1:role/x")));
  }

  @Test
  void anUnsignedOperationNotEmulatedNamesItselfThroughTheSdk() {
    assertCognitoError(
        UnsupportedOperationException.class,
        notEmulated("UpdateAuthEventFeedback"),
        () -> COGNITO.updateAuthEventFeedback(
            r -> r.userPoolId("us-east-1_aaaaaaaaa").username("alice").eventId("e").feedbackToken("t")
                .feedbackValue("Valid")));
  }

  @Test
  void noOperationOfTheModelAnswersUnknownOperation() throws Exception {
    Map<String, String> answers = new TreeMap<>();
    List<String> notEmulated = new ArrayList<>();
    for (String operation : ServiceModelOperations.names()) {
      JsonNode error = errorBody(Http.operation(ENDPOINT, operation, "{}".getBytes(StandardCharsets.UTF_8)));
      String code = error.path("__type").asText();
      answers.put(operation, code);
      if (code.equals("UnsupportedOperationException")) {
        assertEquals(notEmulated(operation), error.path("message").asText(), operation);
        notEmulated.add(operation);
      }
    }
    List<String> unknown =
        answers.entrySet().stream()
            .filter(answer -> answer.getValue().equals("UnknownOperationException"))
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(List.of(), unknown);
    System.out.println(
        "NotEmulatedIT: " + answers.size() + " model operations posted with {}: none answered"
            + " UnknownOperationException, " + notEmulated.size() + " said they are not emulated yet");
  }

  @Test
  void aMisspeltTargetIsStillAnUnknownOperation() throws Exception {
    for (String misspelt : List.of("AdminCreateUsr", "admincreateuser", "CreateUserPools")) {
      HttpResponse<String> response = Http.operation(ENDPOINT, misspelt, "{}".getBytes(StandardCharsets.UTF_8));
      assertEquals(400, response.statusCode(), misspelt);
      assertEquals("UnknownOperationException:", response.headers().firstValue("x-amzn-ErrorType").orElse(null));
      JsonNode error = errorBody(response);
      assertEquals("UnknownOperationException", error.path("__type").asText(), misspelt);
      assertEquals("Unknown operation " + misspelt, error.path("message").asText(), misspelt);
    }
  }

  @Test
  void theRequestLogNamesAnOperationNotEmulated() throws Exception {
    List<String> lines;
    try (CapturedLog log = CapturedLog.start()) {
      Http.operation(ENDPOINT, "StartUserImportJob", "{}".getBytes(StandardCharsets.UTF_8));
      Http.operation(ENDPOINT, "StartUserImportJobs", "{}".getBytes(StandardCharsets.UTF_8));
      lines = log.awaitRequestLines(2);
    }
    assertEquals(1, count(lines, " StartUserImportJob UnsupportedOperationException "), lines::toString);
    assertEquals(1, count(lines, " - UnknownOperationException "), lines::toString);
    System.out.println("NotEmulatedIT: request log " + lines);
  }

  private static long count(List<String> lines, String part) {
    return lines.stream().filter(line -> line.contains(part)).count();
  }

  private static JsonNode errorBody(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }
}
