package dev.cognate.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cognate.TriggerKind;
import dev.cognate.junit.CognateExtension;
import dev.cognate.junit.PoolSettings;
import dev.cognate.testing.CognatePool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/** The example README.md shows for triggers, kept compiling and passing. */
class CustomAuthExampleIT {
  // The triggers work on Cognito's event as JSON maps, as a Lambda handler taking Map<String, Object> does.
  @RegisterExtension
  static CognateExtension cognate = CognateExtension.withConfig(c -> c
      .trigger(TriggerKind.DEFINE_AUTH_CHALLENGE, CustomAuthExampleIT::define)
      .trigger(TriggerKind.CREATE_AUTH_CHALLENGE, CustomAuthExampleIT::create)
      .trigger(TriggerKind.VERIFY_AUTH_CHALLENGE_RESPONSE, CustomAuthExampleIT::verify)
      .trigger(TriggerKind.PRE_SIGN_UP, event -> {
        response(event).put("autoConfirmUser", true);
        return event;
      }));

  @SuppressWarnings("unchecked")
  static Map<String, Object> define(Map<String, Object> event) {
    List<Map<String, Object>> session = (List<Map<String, Object>>) request(event).get("session");
    boolean answered = !session.isEmpty() && Boolean.TRUE.equals(session.get(session.size() - 1).get("challengeResult"));
    response(event).put("issueTokens", answered);
    response(event).put("failAuthentication", session.size() >= 3 && !answered);
    if (!answered && session.size() < 3) {
      response(event).put("challengeName", "CUSTOM_CHALLENGE");
    }
    return event;
  }

  static Map<String, Object> create(Map<String, Object> event) {
    response(event).put("publicChallengeParameters", Map.of("question", "What is 6 x 7?"));
    response(event).put("privateChallengeParameters", Map.of("answer", "42"));
    return event;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> verify(Map<String, Object> event) {
    Map<String, Object> expected = (Map<String, Object>) request(event).get("privateChallengeParameters");
    response(event).put("answerCorrect", expected.get("answer").equals(request(event).get("challengeAnswer")));
    return event;
  }

  @Test
  void signsInByAnsweringTheChallenge(CognitoIdentityProviderClient cognito,
      @PoolSettings(explicitAuthFlows = {"ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}) CognatePool pool) {
    cognito.signUp(b -> b.clientId(pool.clientId()).username("alice").password("Passw0rd!")
        .userAttributes(a -> a.name("email").value("alice@example.com")));

    InitiateAuthResponse challenge = cognito.initiateAuth(b -> b.clientId(pool.clientId())
        .authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", "alice")));
    assertEquals("What is 6 x 7?", challenge.challengeParameters().get("question"));

    String idToken = cognito.respondToAuthChallenge(b -> b.clientId(pool.clientId())
            .challengeName(ChallengeNameType.CUSTOM_CHALLENGE).session(challenge.session())
            .challengeResponses(Map.of("USERNAME", "alice", "ANSWER", "42")))
        .authenticationResult().idToken();
    assertNotNull(idToken);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> request(Map<String, Object> event) {
    return (Map<String, Object>) event.get("request");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> response(Map<String, Object> event) {
    return (Map<String, Object>) event.get("response");
  }
}
