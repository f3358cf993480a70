package dev.cognate.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.TriggerKind;
import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.ChallengeSession;
import dev.cognate.domain.User;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.trigger.TriggerCalls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CUSTOM_AUTH and its CUSTOM_CHALLENGE, run by the pool's triggers as Cognito runs them: Define Auth Challenge
 * decides, from the challenges answered so far, to issue tokens, to fail, or to ask a CUSTOM_CHALLENGE; Create Auth
 * Challenge makes it (its public parameters go to the client, its private ones stay in the session); Verify Auth
 * Challenge Response judges the ANSWER, and Define decides again with that result added. Each round is a new,
 * single-use session.
 */
public final class CustomChallenge implements ChallengeHandler {
  private static final String HISTORY = "history";
  private static final String PRIVATE = "privateChallengeParameters";
  private static final String METADATA = "challengeMetadata";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Users users;
  private final ChallengeSessions sessions;
  private final AfterPassword afterPassword;
  private final TriggerCalls triggers;

  public CustomChallenge(
      Users users, ChallengeSessions sessions, AfterPassword afterPassword, TriggerCalls triggers) {
    this.users = users;
    this.sessions = sessions;
    this.afterPassword = afterPassword;
    this.triggers = triggers;
  }

  @Override
  public ChallengeName name() {
    return ChallengeName.CUSTOM_CHALLENGE;
  }

  /**
   * InitiateAuth / AdminInitiateAuth with CUSTOM_AUTH: Define Auth Challenge with no challenge answered yet. Under
   * PreventUserExistenceErrors ENABLED an unknown user's sign-in runs the triggers too, with {@code userNotFound}
   * true, as Cognito runs them, so that its answers are the triggers' and tell nothing by themselves.
   */
  public SignInStep start(ClientInPool target, String username, String secretHash, String issuer) {
    if (!triggers.has(target.pool().id(), TriggerKind.DEFINE_AUTH_CHALLENGE)) {
      throw CognitoException.invalidParameter("Custom auth lambda trigger is not configured for the user pool.");
    }
    SecretHash.verify(target.client(), username, secretHash);
    Optional<User> found = users.find(target.pool(), username);
    if (found.isEmpty()) {
      if (!target.client().preventUserExistenceErrors()) {
        throw Users.doesNotExist();
      }
      return decide(target, Optional.empty(), username, List.of(), issuer);
    }
    Authenticator.requireMaySignIn(target, found.get());
    return decide(target, found, found.get().username(), List.of(), issuer);
  }

  @Override
  public SignInStep respond(Answer answer) {
    return judge(answer.target(), Optional.of(answer.user()), answer.user().username(), answer.session(),
        answer.responses(), answer.issuer());
  }

  @Override
  public SignInStep respondToDecoy(Decoy decoy, ChallengeSessions sessions) {
    return judge(decoy.target(), Optional.empty(), decoy.username(), decoy.session(), decoy.responses(),
        decoy.issuer());
  }

  private SignInStep judge(
      ClientInPool target,
      Optional<User> user,
      String username,
      ChallengeSession session,
      Map<String, String> responses,
      String issuer) {
    String given = AuthFlows.required(responses, "ANSWER");
    Map<String, String> state = session.state();
    List<Map<String, Object>> history = new ArrayList<>(read(state.get(HISTORY), new TypeReference<>() {}));
    Map<String, String> privateParameters = read(state.get(PRIVATE), new TypeReference<>() {});
    // Used up before the triggers run: of two answers to one challenge, only one is judged.
    sessions.consume(session);
    Map<String, Object> request = userRequest(user);
    request.put(PRIVATE, privateParameters);
    request.put("challengeAnswer", given);
    Map<String, Object> verdict =
        triggers
            .call(
                TriggerKind.VERIFY_AUTH_CHALLENGE_RESPONSE,
                "VerifyAuthChallengeResponse_Authentication",
                caller(target, username),
                request)
            .orElseThrow(TriggerCalls::unrecognizable);
    Map<String, Object> round = new LinkedHashMap<>();
    round.put("challengeName", ChallengeName.CUSTOM_CHALLENGE.name());
    round.put("challengeResult", TriggerCalls.flag(verdict, "answerCorrect"));
    round.put(METADATA, state.get(METADATA));
    history.add(round);
    return decide(target, user, username, history, issuer);
  }

  private SignInStep decide(
      ClientInPool target, Optional<User> user, String username, List<Map<String, Object>> history, String issuer) {
    Map<String, Object> request = userRequest(user);
    request.put("session", history);
    Map<String, Object> decision =
        triggers
            .call(
                TriggerKind.DEFINE_AUTH_CHALLENGE,
                "DefineAuthChallenge_Authentication",
                caller(target, username),
                request)
            .orElseThrow(TriggerCalls::unrecognizable);
    if (TriggerCalls.flag(decision, "failAuthentication")) {
      throw CognitoException.notAuthorized(Authenticator.INCORRECT);
    }
    if (TriggerCalls.flag(decision, "issueTokens")) {
      // A custom flow replaces the second factor: Cognito asks no MFA after it. Nobody signs in as a user not there.
      User signingIn = user.orElseThrow(() -> CognitoException.notAuthorized(Authenticator.INCORRECT));
      return afterPassword.nextAfterMfa(target, signingIn.sub(), issuer);
    }
    Object next = decision.get("challengeName");
    if (!ChallengeName.CUSTOM_CHALLENGE.name().equals(next)) {
      if (next != null && !next.toString().isEmpty()) {
        throw new CognitoException(
            CognitoErrorType.UNSUPPORTED_OPERATION,
            "Cognate does not emulate the " + next + " challenge within CUSTOM_AUTH yet; only CUSTOM_CHALLENGE.");
      }
      throw TriggerCalls.unrecognizable();
    }
    return create(target, user, username, history);
  }

  private SignInStep create(
      ClientInPool target, Optional<User> user, String username, List<Map<String, Object>> history) {
    Map<String, Object> request = userRequest(user);
    request.put("challengeName", ChallengeName.CUSTOM_CHALLENGE.name());
    request.put("session", history);
    Map<String, Object> made =
        triggers
            .call(
                TriggerKind.CREATE_AUTH_CHALLENGE,
                "CreateAuthChallenge_Authentication",
                caller(target, username),
                request)
            .orElseThrow(TriggerCalls::unrecognizable);
    Map<String, String> parameters = new LinkedHashMap<>(TriggerCalls.strings(made, "publicChallengeParameters"));
    parameters.putIfAbsent(
        "USERNAME", user.map(User::username).orElseGet(() -> sessions.decoyUsername(target, username)));
    Map<String, String> state = new LinkedHashMap<>();
    state.put(HISTORY, write(history));
    state.put(PRIVATE, write(TriggerCalls.strings(made, PRIVATE)));
    Object metadata = made.get(METADATA);
    if (metadata != null) {
      state.put(METADATA, metadata.toString());
    }
    return user.isPresent()
        ? sessions.issue(target, user.get(), ChallengeName.CUSTOM_CHALLENGE, parameters, state)
        : sessions.issueDecoy(target, ChallengeName.CUSTOM_CHALLENGE, username, parameters, state);
  }

  /**
   * What every custom-auth event's request starts with: the user's attributes and status, as Cognito sends them, and
   * whether the user was not found (none then).
   */
  private static Map<String, Object> userRequest(Optional<User> user) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    user.ifPresent(
        u -> {
          attributes.putAll(u.attributes());
          attributes.put("cognito:user_status", u.status().name());
        });
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("userAttributes", attributes);
    request.put("userNotFound", user.isEmpty());
    return request;
  }

  private static TriggerCalls.Caller caller(ClientInPool target, String username) {
    return new TriggerCalls.Caller(target.pool().id(), target.client().clientId(), username);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings always serialise", e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json == null ? "{}" : json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a session's state is written by this class", e);
    }
  }
}
