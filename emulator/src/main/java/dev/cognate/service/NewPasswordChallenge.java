package dev.cognate.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.SrpVerifier;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoException;
import dev.cognate.token.RefreshTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NEW_PASSWORD_REQUIRED: a user with a temporary password chooses their own, and gives the required attributes they
 * lack as {@code userAttributes.<name>}. Success confirms the user; the sign-in then goes on as after a password.
 */
public final class NewPasswordChallenge implements ChallengeHandler {
  private static final String ATTRIBUTE_PREFIX = "userAttributes.";
  private static final String ISSUED_FOR = "temporaryPassword";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Users users;
  private final Passwords passwords;
  private final ChallengeSessions sessions;
  private final AfterPassword afterPassword;
  private final Clock clock;

  public NewPasswordChallenge(
      Users users, Passwords passwords, ChallengeSessions sessions, AfterPassword afterPassword, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.sessions = sessions;
    this.afterPassword = afterPassword;
    this.clock = clock;
  }

  /**
   * The challenge's parameters as Cognito sends them: the username, the required attributes the user lacks as a
   * JSON array of {@code userAttributes.<name>}, and the user's attributes (without {@code sub}) as a JSON object.
   */
  public static Map<String, String> parameters(UserPool pool, User user) {
    List<String> required =
        AttributeRules.missingRequired(pool, user.attributes()).stream().map(n -> ATTRIBUTE_PREFIX + n).toList();
    Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
    attributes.remove("sub");
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("USER_ID_FOR_SRP", user.username());
    parameters.put("requiredAttributes", json(required));
    parameters.put("userAttributes", json(attributes));
    return parameters;
  }

  /**
   * What the session remembers: which temporary password it was issued for (a digest of its salted hash), so that an
   * administrator replacing that password (RESEND, AdminSetUserPassword) retires the sessions it opened.
   */
  public static Map<String, String> state(User user) {
    return Map.of(ISSUED_FOR, RefreshTokens.hash(user.passwordHash()));
  }

  @Override
  public ChallengeName name() {
    return ChallengeName.NEW_PASSWORD_REQUIRED;
  }

  @Override
  public SignInStep respond(Answer answer) {
    UserPool pool = answer.target().pool();
    String newPassword = AuthFlows.required(answer.responses(), "NEW_PASSWORD");
    Passwords.requireConforming(pool.passwordPolicy(), newPassword);
    Map<String, String> given = AttributeRules.checked(pool, attributesIn(answer.responses()));
    ClientWrites.check(answer.target().client(), given.keySet());
    String hash = passwords.hash(newPassword);
    SrpVerifier verifier = passwords.verifier(pool.id(), answer.user().username(), newPassword);
    Instant now = clock.instant();
    // The session is used up in the transaction that sets the password: of two answers at once, one commits. The
    // change is pool-aware: a new e-mail address or phone number that is a sign-in name moves its unique key in the
    // same write, and one another user holds is refused.
    users.change(
        pool,
        answer.user(),
        user -> {
          if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD
              || !state(user).equals(answer.session().state())) {
            throw ChallengeSessions.invalid();
          }
          Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
          attributes.putAll(given);
          for (String verifiable : List.of("email", "phone_number")) {
            String value = given.get(verifiable);
            if (value != null && !value.equals(user.attributes().get(verifiable))) {
              // A new address or number is unverified until a code proves it, as after UpdateUserAttributes.
              attributes.put(verifiable + "_verified", "false");
            }
          }
          List<String> missing = AttributeRules.missingRequired(pool, attributes);
          if (!missing.isEmpty()) {
            throw CognitoException.invalidParameter(
                "Invalid attributes given, " + String.join(" and ", missing) + " is missing");
          }
          User changed =
              user.withAttributes(attributes, now).withPassword(hash, verifier, now).withStatus(UserStatus.CONFIRMED, now);
          return new Users.Decision<>(changed, null);
        },
        (changed, none) -> sessions.consume(answer.session()));
    return afterPassword.nextAfterChallenge(answer.target(), answer.user().sub(), answer.issuer());
  }

  private static List<AttributeRules.Input> attributesIn(Map<String, String> responses) {
    List<AttributeRules.Input> inputs = new ArrayList<>();
    responses.forEach(
        (key, value) -> {
          if (key.startsWith(ATTRIBUTE_PREFIX)) {
            inputs.add(new AttributeRules.Input(key.substring(ATTRIBUTE_PREFIX.length()), value));
          }
        });
    return inputs;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strings always serialise", e);
    }
  }
}
