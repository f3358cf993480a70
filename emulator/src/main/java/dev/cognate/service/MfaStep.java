package dev.cognate.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.PoolMfa;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.token.RefreshTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a sign-in with a right password must pass a second factor, and which. With MFA OFF, none. Otherwise the
 * user's factors that the pool offers count: one is asked for; of several, the preferred one, or the user chooses
 * (SELECT_MFA_TYPE). A user with none passes under OPTIONAL; under ON, gets an SMS code when the pool offers SMS and
 * the user has a phone number, else an e-mail code likewise, else must set up an authenticator app (MFA_SETUP).
 */
public final class MfaStep {
  static final String CODE = "code";
  static final String CHOICES = "choices";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChallengeSessions sessions;
  private final CodeSender codes;

  public MfaStep(ChallengeSessions sessions, CodeSender codes) {
    this.sessions = sessions;
    this.codes = codes;
  }

  /** The MFA challenge this user must answer now, if any. */
  public Optional<SignInStep.Challenge> challenge(ClientInPool target, User user) {
    UserPool pool = target.pool();
    if (pool.mfaConfiguration().equals("OFF")) {
      return Optional.empty();
    }
    PoolMfa offered = pool.mfa();
    List<ChallengeName> usable =
        user.mfa().enabled().stream().filter(f -> offered.offers(f) && deliverable(user, f)).toList();
    if (usable.isEmpty()) {
      if (!pool.mfaConfiguration().equals("ON")) {
        return Optional.empty();
      }
      if (offered.sms() && deliverable(user, ChallengeName.SMS_MFA)) {
        return Optional.of(ask(target, user, ChallengeName.SMS_MFA));
      }
      if (offered.email() && deliverable(user, ChallengeName.EMAIL_OTP)) {
        return Optional.of(ask(target, user, ChallengeName.EMAIL_OTP));
      }
      return Optional.of(setUp(target, user, offered));
    }
    if (usable.size() == 1) {
      return Optional.of(ask(target, user, usable.get(0)));
    }
    Optional<ChallengeName> preferred = user.mfa().preferredFactor().filter(usable::contains);
    if (preferred.isPresent()) {
      return Optional.of(ask(target, user, preferred.get()));
    }
    Map<String, String> parameters = base(user);
    parameters.put("MFAS_CAN_CHOOSE", json(usable.stream().map(Enum::name).toList()));
    return Optional.of(
        sessions.issue(
            target, user, ChallengeName.SELECT_MFA_TYPE, parameters,
            Map.of(CHOICES, String.join(",", usable.stream().map(Enum::name).toList()))));
  }

  /** The challenge for one factor; an SMS or e-mail code is sent now and kept, hashed, in the session. */
  SignInStep.Challenge ask(ClientInPool target, User user, ChallengeName factor) {
    return ask(target, user, factor, false);
  }

  /**
   * EMAIL_OTP as a choice-based sign-in's first factor. No right password comes before it, so the sign-in lock-out
   * does not limit how often it is asked for; its codes count against the per-hour limit of sent codes instead.
   */
  SignInStep.Challenge askFirstFactor(ClientInPool target, User user) {
    return ask(target, user, ChallengeName.EMAIL_OTP, true);
  }

  private SignInStep.Challenge ask(ClientInPool target, User user, ChallengeName factor, boolean limited) {
    Map<String, String> parameters = base(user);
    if (factor == ChallengeName.SOFTWARE_TOKEN_MFA) {
      return sessions.issue(target, user, factor, parameters, Map.of());
    }
    CodeSender.PreparedCode code =
        codes.prepareMfaCode(user, factor == ChallengeName.SMS_MFA ? "phone_number" : "email");
    if (limited) {
      codes.send(target.pool(), user, code, CodePurpose.MFA);
    } else {
      codes.sendMfa(target.pool(), user, code);
    }
    parameters.put("CODE_DELIVERY_DELIVERY_MEDIUM", code.medium());
    parameters.put("CODE_DELIVERY_DESTINATION", CodeSender.mask(code.destination()));
    return sessions.issue(target, user, factor, parameters, Map.of(CODE, RefreshTokens.hash(code.code())));
  }

  /** Whether {@code given} is the code a session's state holds. */
  static boolean codeMatches(Map<String, String> state, String given) {
    String expected = state.get(CODE);
    return expected != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), RefreshTokens.hash(given).getBytes(StandardCharsets.UTF_8));
  }

  private SignInStep.Challenge setUp(ClientInPool target, User user, PoolMfa offered) {
    List<String> canSetUp = new ArrayList<>();
    for (ChallengeName factor : offered.offered()) {
      canSetUp.add(factor.name());
    }
    Map<String, String> parameters = base(user);
    parameters.put("MFAS_CAN_SETUP", json(canSetUp));
    return sessions.issue(target, user, ChallengeName.MFA_SETUP, parameters, Map.of());
  }

  private static boolean deliverable(User user, ChallengeName factor) {
    return switch (factor) {
      case SMS_MFA -> user.attribute("phone_number").isPresent();
      case EMAIL_OTP -> user.attribute("email").isPresent();
      case SOFTWARE_TOKEN_MFA -> user.mfa().hasTotp();
      default -> false;
    };
  }

  private static Map<String, String> base(User user) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("USER_ID_FOR_SRP", user.username());
    return parameters;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strings always serialise", e);
    }
  }
}
