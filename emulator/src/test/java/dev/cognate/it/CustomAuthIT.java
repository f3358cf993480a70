package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.Users.APP_PASSWORD;
import static dev.cognate.support.Users.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.CognateConfig;
import dev.cognate.TriggerKind;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Users;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * CUSTOM_AUTH and the sign-up and token triggers, run in-process as a team's own Lambda handlers would run: a
 * "magic number" challenge asked until two right answers (three wrong ones fail), a trigger that throws, Pre sign-up
 * confirming or refusing, Post confirmation, Pre token generation. The handlers work on the event as JSON maps.
 */
class CustomAuthIT {
  private static final String MAGIC = "42";
  private static final Queue<Map<String, Object>> EVENTS = new ConcurrentLinkedQueue<>();

  @RegisterExtension
  static final EmulatorExtension EMULATOR =
      EmulatorExtension.start(
          CognateConfig.forTests()
              .trigger(TriggerKind.DEFINE_AUTH_CHALLENGE, CustomAuthIT::define)
              .trigger(TriggerKind.CREATE_AUTH_CHALLENGE, CustomAuthIT::create)
              .trigger(TriggerKind.VERIFY_AUTH_CHALLENGE_RESPONSE, CustomAuthIT::verify)
              .trigger(TriggerKind.PRE_SIGN_UP, CustomAuthIT::preSignUp)
              .trigger(TriggerKind.POST_CONFIRMATION, CustomAuthIT::record)
              .trigger(TriggerKind.PRE_TOKEN_GENERATION, CustomAuthIT::preTokenGeneration));

  private final CognitoIdentityProviderClient cognito = EMULATOR.cognito();
  private Pool pool;

  @BeforeEach
  void freshPool() {
    EVENTS.clear();
    pool =
        Pools.appPool(
            cognito,
            c -> c.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  // ------------------------------------------------------------------ the triggers, as a team would write them

  @SuppressWarnings("unchecked")
  private static Map<String, Object> define(Map<String, Object> event) {
    EVENTS.add(event);
    String user = (String) event.get("userName");
    if (user.startsWith("boom")) {
      throw new IllegalStateException("database down");
    }
    Map<String, Object> request = (Map<String, Object>) event.get("request");
    Map<String, Object> response = (Map<String, Object>) event.get("response");
    List<Map<String, Object>> session = (List<Map<String, Object>>) request.get("session");
    long right = session.stream().filter(s -> Boolean.TRUE.equals(s.get("challengeResult"))).count();
    boolean lastWrong = !session.isEmpty() && !Boolean.TRUE.equals(session.get(session.size() - 1).get("challengeResult"));
    if (user.startsWith("denied") || (session.size() >= 3 && lastWrong)) {
      response.put("issueTokens", false);
      response.put("failAuthentication", true);
    } else if (right == 2) {
      response.put("issueTokens", true);
      response.put("failAuthentication", false);
    } else {
      response.put("issueTokens", false);
      response.put("failAuthentication", false);
      response.put("challengeName", "CUSTOM_CHALLENGE");
    }
    return event;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> create(Map<String, Object> event) {
    EVENTS.add(event);
    Map<String, Object> request = (Map<String, Object>) event.get("request");
    Map<String, Object> response = (Map<String, Object>) event.get("response");
    int round = ((List<Object>) request.get("session")).size() + 1;
    response.put("publicChallengeParameters", Map.of("question", "The magic number?", "round", round));
    response.put("privateChallengeParameters", Map.of("answer", MAGIC));
    response.put("challengeMetadata", "ROUND-" + round);
    return event;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> verify(Map<String, Object> event) {
    EVENTS.add(event);
    Map<String, Object> request = (Map<String, Object>) event.get("request");
    Map<String, Object> expected = (Map<String, Object>) request.get("privateChallengeParameters");
    ((Map<String, Object>) event.get("response"))
        .put("answerCorrect", expected.get("answer").equals(request.get("challengeAnswer")));
    return event;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> preSignUp(Map<String, Object> event) {
    EVENTS.add(event);
    Map<String, Object> request = (Map<String, Object>) event.get("request");
    String email = (String) ((Map<String, Object>) request.get("userAttributes")).get("email");
    if (email.endsWith("@blocked.example")) {
      throw new IllegalArgumentException("Sign-ups from blocked.example are closed");
    }
    if (email.endsWith("@auto.example")) {
      Map<String, Object> response = (Map<String, Object>) event.get("response");
      response.put("autoConfirmUser", true);
      response.put("autoVerifyEmail", true);
    }
    return event;
  }

  private static Map<String, Object> record(Map<String, Object> event) {
    EVENTS.add(event);
    String user = (String) event.get("userName");
    if (user.startsWith("grouped")) {
      // Post confirmation handlers commonly call back into Cognito; the emulator holds nothing that would block them.
      String poolId = (String) event.get("userPoolId");
      EMULATOR.cognito().createGroup(r -> r.userPoolId(poolId).groupName("members-" + user));
      EMULATOR.cognito().adminAddUserToGroup(r -> r.userPoolId(poolId).username(user).groupName("members-" + user));
    }
    // A handler may also change the event in place and return nothing.
    return null;
  }

  private static Map<String, Object> preTokenGeneration(Map<String, Object> event) {
    EVENTS.add(event);
    if (!((String) event.get("userName")).startsWith("claims")) {
      return event;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("claimsToAddOrOverride", Map.of("tenant", "acme", "email", "hidden@example.com"));
    details.put("claimsToSuppress", List.of("email_verified"));
    details.put("groupOverrideDetails", Map.of("groupsToOverride", List.of("admins", "staff")));
    return Map.of("response", Map.of("claimsOverrideDetails", details));
  }

  // ------------------------------------------------------------------------------------- CUSTOM_AUTH

  @Test
  void twoRightAnswersSignInAfterAWrongOne() throws Exception {
    String username = signedUp("carol");
    EVENTS.clear();

    InitiateAuthResponse started = startCustomAuth(username);
    assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, started.challengeName());
    assertEquals(
        Map.of("question", "The magic number?", "round", "1", "USERNAME", username), started.challengeParameters());
    assertNull(started.authenticationResult());

    RespondToAuthChallengeResponse wrong = answer(username, started.session(), "41");
    assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, wrong.challengeName());
    assertEquals("2", wrong.challengeParameters().get("round"));
    assertNotEquals(started.session(), wrong.session());
    // Each round's session is used once.
    assertCognitoError(
        "NotAuthorizedException", "Invalid session for the user.", () -> answer(username, started.session(), MAGIC));

    RespondToAuthChallengeResponse first = answer(username, wrong.session(), MAGIC);
    assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, first.challengeName());
    assertEquals("3", first.challengeParameters().get("round"));

    RespondToAuthChallengeResponse done = answer(username, first.session(), MAGIC);
    assertNull(done.challengeName());
    assertNotNull(done.authenticationResult().accessToken());
    assertNotNull(done.authenticationResult().refreshToken());
    assertEquals(username, (claims(done.authenticationResult().idToken())).getStringClaim("cognito:username"));

    Map<String, Object> lastDefine = lastEvent("DefineAuthChallenge_Authentication");
    assertEquals(
        List.of(
            round(false, "ROUND-1"), round(true, "ROUND-2"), round(true, "ROUND-3")),
        request(lastDefine).get("session"));
    assertEquals(username, lastDefine.get("userName"));
    assertEquals(pool.poolId(), lastDefine.get("userPoolId"));
    assertEquals("us-east-1", lastDefine.get("region"));
    assertEquals("1", lastDefine.get("version"));
    assertEquals(pool.clientId(), ((Map<?, ?>) lastDefine.get("callerContext")).get("clientId"));
    assertEquals(false, request(lastDefine).get("userNotFound"));
    Map<?, ?> attributes = (Map<?, ?>) request(lastDefine).get("userAttributes");
    assertEquals(username + "@auto.example", attributes.get("email"));
    assertEquals("CONFIRMED", attributes.get("cognito:user_status"));
    Map<String, Object> lastVerify = lastEvent("VerifyAuthChallengeResponse_Authentication");
    assertEquals(Map.of("answer", MAGIC), request(lastVerify).get("privateChallengeParameters"));
    assertEquals(MAGIC, request(lastVerify).get("challengeAnswer"));
  }

  @Test
  void threeWrongAnswersFailTheSignIn() {
    String username = signedUp("dave");
    String session = startCustomAuth(username).session();
    session = answer(username, session, "1").session();
    String last = answer(username, session, "2").session();
    assertCognitoError(
        "NotAuthorizedException", "Incorrect username or password.", () -> answer(username, last, "3"));
  }

  @Test
  void defineMayFailTheSignInAtOnce() {
    String username = signedUp("denied-erin");
    assertCognitoError(
        "NotAuthorizedException", "Incorrect username or password.", () -> startCustomAuth(username));
  }

  @Test
  void adminInitiateAuthRunsTheSameTriggers() {
    String username = signedUp("frank");
    AdminInitiateAuthResponse started =
        cognito.adminInitiateAuth(
            r -> r.userPoolId(pool.poolId())
                .clientId(pool.clientId())
                .authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", username)));
    assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, started.challengeName());
    String second =
        cognito
            .adminRespondToAuthChallenge(
                r -> r.userPoolId(pool.poolId())
                    .clientId(pool.clientId())
                    .challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                    .session(started.session())
                    .challengeResponses(Map.of("USERNAME", username, "ANSWER", MAGIC)))
            .session();
    assertNotNull(
        cognito
            .adminRespondToAuthChallenge(
                r -> r.userPoolId(pool.poolId())
                    .clientId(pool.clientId())
                    .challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                    .session(second)
                    .challengeResponses(Map.of("USERNAME", username, "ANSWER", MAGIC)))
            .authenticationResult()
            .idToken());
  }

  @Test
  void aTriggerThatThrowsRefusesWithItsMessage() {
    String username = signedUp("boom-gina");
    assertCognitoError(
        "UserLambdaValidationException",
        "DefineAuthChallenge failed with error database down.",
        () -> startCustomAuth(username));
  }

  @Test
  void refusalsBeforeAnyTriggerRuns() {
    assertCognitoError("UserNotFoundException", "User does not exist.", () -> startCustomAuth("nobody"));
    Pool noCustom =
        Pools.appPool(cognito, c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH));
    assertCognitoError(
        "InvalidParameterException",
        "Custom auth flow not enabled for this client",
        () -> cognito.initiateAuth(
            r -> r.clientId(noCustom.clientId())
                .authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", "nobody"))));
    String answerless = signedUp("hank");
    String session = startCustomAuth(answerless).session();
    assertCognitoError(
        "InvalidParameterException",
        "Missing required parameter ANSWER",
        () -> cognito.respondToAuthChallenge(
            r -> r.clientId(pool.clientId())
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
                .session(session)
                .challengeResponses(Map.of("USERNAME", answerless))));
  }

  /**
   * Under PreventUserExistenceErrors ENABLED Cognito runs the triggers for an unknown user too, with userNotFound
   * true, so a trigger that asks everyone a question keeps unknown users from being told apart; no answer signs in.
   */
  @Test
  void anUnknownUserRunsTheTriggersWithUserNotFoundAndNeverSignsIn() {
    String hiding =
        Pools.client(
                cognito,
                pool.poolId(),
                c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH)
                    .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED))
            .clientId();
    String known = signedUp("ivy");
    InitiateAuthResponse ofKnown = startCustomAuth(hiding, known);
    EVENTS.clear();
    InitiateAuthResponse ofUnknown = startCustomAuth(hiding, "ghost");

    assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, ofUnknown.challengeName());
    assertEquals(ofKnown.challengeParameters().keySet(), ofUnknown.challengeParameters().keySet());
    assertEquals("ghost", ofUnknown.challengeParameters().get("USERNAME"));
    Map<String, Object> define = lastEvent("DefineAuthChallenge_Authentication");
    assertEquals(true, request(define).get("userNotFound"));
    assertEquals("ghost", define.get("userName"));
    assertEquals(Map.of(), request(define).get("userAttributes"));

    RespondToAuthChallengeResponse first = answer(hiding, "ghost", ofUnknown.session(), MAGIC);
    assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, first.challengeName());
    assertEquals(true, request(lastEvent("VerifyAuthChallengeResponse_Authentication")).get("userNotFound"));
    assertCognitoError(
        "NotAuthorizedException",
        "Incorrect username or password.",
        () -> answer(hiding, "ghost", first.session(), MAGIC));
  }

  // ---------------------------------------------------------------------------- sign-up triggers

  @Test
  void preSignUpMayConfirmAndVerifyAndPostConfirmationRunsOnce() {
    SignUpResponse signedUp = Users.signUp(cognito, pool, "ivy", "ivy@auto.example");
    assertTrue(signedUp.userConfirmed());
    assertNull(signedUp.codeDeliveryDetails());
    var user = cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("ivy"));
    assertEquals(UserStatusType.CONFIRMED, user.userStatus());
    assertEquals("true", Users.attributes(user.userAttributes()).get("email_verified"));
    assertTrue(EMULATOR.cognate().outbox().lastCode(pool.poolId(), "ivy").isEmpty());

    Map<String, Object> preSignUp = lastEvent("PreSignUp_SignUp");
    assertEquals("ivy@auto.example", ((Map<?, ?>) request(preSignUp).get("userAttributes")).get("email"));
    assertEquals(1, events("PostConfirmation_ConfirmSignUp").size());
  }

  @Test
  void postConfirmationRunsOnceAfterConfirmSignUp() {
    Users.signUp(cognito, pool, "jack", "jack@example.com");
    assertTrue(events("PostConfirmation_ConfirmSignUp").isEmpty());
    Users.confirmWithLastCode(cognito, EMULATOR.cognate(), pool, "jack");
    List<Map<String, Object>> confirmed = events("PostConfirmation_ConfirmSignUp");
    assertEquals(1, confirmed.size());
    assertEquals("jack", confirmed.get(0).get("userName"));
    assertEquals("CONFIRMED", ((Map<?, ?>) request(confirmed.get(0)).get("userAttributes")).get("cognito:user_status"));
    assertEquals("true", ((Map<?, ?>) request(confirmed.get(0)).get("userAttributes")).get("email_verified"));

    Users.signUp(cognito, pool, "kate", "kate@example.com");
    cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("kate"));
    List<Map<String, Object>> both = events("PostConfirmation_ConfirmSignUp");
    assertEquals(2, both.size());
    assertEquals(
        "CLIENT_ID_NOT_APPLICABLE", ((Map<?, ?>) both.get(1).get("callerContext")).get("clientId"));
  }

  @Test
  void aTriggerMayCallTheEmulatorBack() throws Exception {
    Users.signUp(cognito, pool, "grouped-olga", "olga@auto.example");
    JWTClaimsSet id = claims(Users.signIn(cognito, pool.clientId(), "grouped-olga", APP_PASSWORD).idToken());
    assertEquals(List.of("members-grouped-olga"), id.getStringListClaim("cognito:groups"));
    Map<?, ?> groups = (Map<?, ?>) request(lastEvent("TokenGeneration_Authentication")).get("groupConfiguration");
    assertEquals(List.of("members-grouped-olga"), groups.get("groupsToOverride"));
  }

  @Test
  void preSignUpMayRefuse() {
    assertCognitoError(
        "UserLambdaValidationException",
        "PreSignUp failed with error Sign-ups from blocked.example are closed.",
        () -> Users.signUp(cognito, pool, "leo", "leo@blocked.example"));
    assertCognitoError(
        "UserNotFoundException",
        "User does not exist.",
        () -> cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("leo")));
  }

  // -------------------------------------------------------------------------- pre token generation

  @Test
  void preTokenGenerationChangesTheIdTokenAndGroups() throws Exception {
    Users.signUp(cognito, pool, "claims-mia", "mia@auto.example");
    var tokens = Users.signIn(cognito, pool.clientId(), "claims-mia", APP_PASSWORD);
    JWTClaimsSet id = (claims(tokens.idToken()));
    assertEquals("acme", id.getStringClaim("tenant"));
    assertEquals("hidden@example.com", id.getStringClaim("email"));
    assertFalse(id.getClaims().containsKey("email_verified"));
    assertEquals(List.of("admins", "staff"), id.getStringListClaim("cognito:groups"));
    JWTClaimsSet access = (claims(tokens.accessToken()));
    assertEquals(List.of("admins", "staff"), access.getStringListClaim("cognito:groups"));
    assertFalse(access.getClaims().containsKey("tenant"));

    Map<String, Object> event = lastEvent("TokenGeneration_Authentication");
    Map<?, ?> groups = (Map<?, ?>) request(event).get("groupConfiguration");
    assertEquals(List.of(), groups.get("groupsToOverride"));

    var refreshed = Users.refresh(cognito, pool.clientId(), tokens.refreshToken());
    assertEquals("acme", (claims(refreshed.idToken())).getStringClaim("tenant"));
    assertEquals(1, events("TokenGeneration_RefreshTokens").size());
  }

  @Test
  void withoutOverridesTokensAreUnchanged() throws Exception {
    Users.signUp(cognito, pool, "nina", "nina@auto.example");
    JWTClaimsSet id =
        (claims(Users.signIn(cognito, pool.clientId(), "nina", APP_PASSWORD).idToken()));
    assertEquals("nina@auto.example", id.getStringClaim("email"));
    assertEquals(true, id.getBooleanClaim("email_verified"));
    assertNull(id.getClaim("tenant"));
  }

  // ------------------------------------------------------------------------------------- helpers

  private InitiateAuthResponse startCustomAuth(String username) {
    return startCustomAuth(pool.clientId(), username);
  }

  private InitiateAuthResponse startCustomAuth(String clientId, String username) {
    return cognito.initiateAuth(
        r -> r.clientId(clientId).authFlow(AuthFlowType.CUSTOM_AUTH).authParameters(Map.of("USERNAME", username)));
  }

  private RespondToAuthChallengeResponse answer(String username, String session, String answer) {
    return answer(pool.clientId(), username, session, answer);
  }

  private RespondToAuthChallengeResponse answer(String clientId, String username, String session, String answer) {
    return cognito.respondToAuthChallenge(
        r -> r.clientId(clientId)
            .challengeName(ChallengeNameType.CUSTOM_CHALLENGE)
            .session(session)
            .challengeResponses(Map.of("USERNAME", username, "ANSWER", answer)));
  }

  private static Map<String, Object> round(boolean result, String metadata) {
    Map<String, Object> round = new LinkedHashMap<>();
    round.put("challengeName", "CUSTOM_CHALLENGE");
    round.put("challengeResult", result);
    round.put("challengeMetadata", metadata);
    return round;
  }

  private static List<Map<String, Object>> events(String triggerSource) {
    List<Map<String, Object>> found = new ArrayList<>();
    EVENTS.forEach(e -> {
      if (triggerSource.equals(e.get("triggerSource"))) {
        found.add(e);
      }
    });
    return found;
  }

  private static Map<String, Object> lastEvent(String triggerSource) {
    List<Map<String, Object>> found = events(triggerSource);
    assertFalse(found.isEmpty(), "no " + triggerSource + " event");
    return found.get(found.size() - 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> request(Map<String, Object> event) {
    return (Map<String, Object>) event.get("request");
  }

  private static JWTClaimsSet claims(String jwt) throws Exception {
    return SignedJWT.parse(jwt).getJWTClaimsSet();
  }

  /** A user Pre sign-up confirms at once (their e-mail is at auto.example); returns the username. */
  private String signedUp(String username) {
    assertTrue(Users.signUp(cognito, pool, username, username + "@auto.example").userConfirmed());
    return username;
  }
}
