package dev.cognate.service;

import dev.cognate.domain.ChallengeName;
import dev.cognate.domain.CodeDestination;
import dev.cognate.domain.User;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.service.Directory.ClientInPool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * USER_AUTH, choice-based sign-in: the user starts with one of the first factors the pool allows
 * (SignInPolicy.AllowedFirstAuthFactors) and they can use: a password (PASSWORD, given as is, or PASSWORD_SRP,
 * proved by SRP) or a code sent to their verified e-mail address (EMAIL_OTP). A preferred factor they can use is
 * started at once; otherwise, or without a preference, SELECT_CHALLENGE lists the factors to choose from. A password
 * goes on as any right password does ({@link AfterPassword}: a new password, MFA); a right e-mail code has already
 * proved a factor the user owns, so no MFA challenge follows it, and it is not offered where the pool requires MFA.
 */
public final class ChoiceSignIn {
  private final Users users;
  private final Authenticator authenticator;
  private final PasswordVerifierChallenge srp;
  private final MfaStep codes;
  private final ChallengeSessions sessions;

  public ChoiceSignIn(
      Users users,
      Authenticator authenticator,
      PasswordVerifierChallenge srp,
      MfaStep codes,
      ChallengeSessions sessions) {
    this.users = users;
    this.authenticator = authenticator;
    this.srp = srp;
    this.codes = codes;
    this.sessions = sessions;
  }

  /** InitiateAuth / AdminInitiateAuth USER_AUTH. */
  public SignInStep start(ClientInPool target, Map<String, String> params, String issuer) {
    String username = AuthFlows.required(params, "USERNAME");
    SecretHash.verify(target.client(), username, params.get("SECRET_HASH"));
    Optional<ChallengeName> preferred = preferred(params.get("PREFERRED_CHALLENGE"));
    Optional<User> found = users.find(target.pool(), username);
    if (found.isEmpty()) {
      if (!target.client().preventUserExistenceErrors()) {
        throw Users.doesNotExist();
      }
      // A preferred factor starts as it would for a known user; without one, a choice no answer passes.
      if (preferred.isPresent() && offeredToAnyone(target, preferred.get())) {
        return beginDecoy(target, username, preferred.get(), params, issuer);
      }
      return sessions
          .issueDecoy(target, ChallengeName.SELECT_CHALLENGE, username, Map.of())
          .withAvailable(offered(target, Optional.empty()));
    }
    User user = found.get();
    Authenticator.requireMaySignIn(target, user);
    List<ChallengeName> available = offered(target, Optional.of(user));
    if (preferred.isPresent() && available.contains(preferred.get())) {
      return begin(target, user, preferred.get(), params, issuer);
    }
    if (available.isEmpty()) {
      throw CognitoException.notAuthorized("No sign-in method the user pool allows is available for the user.");
    }
    return sessions.issue(target, user, ChallengeName.SELECT_CHALLENGE, Map.of(), Map.of()).withAvailable(available);
  }

  /**
   * The first factor chosen (preferred, or the answer to SELECT_CHALLENGE): a password or SRP_A given along is used
   * at once; otherwise the factor's own challenge asks for it. An e-mail code is sent now.
   */
  SignInStep begin(
      ClientInPool target, User user, ChallengeName factor, Map<String, String> given, String issuer) {
    return switch (factor) {
      case PASSWORD ->
          given.containsKey("PASSWORD")
              ? authenticator.withPassword(target, user.username(), given.get("PASSWORD"), issuer)
              : sessions.issue(target, user, ChallengeName.PASSWORD, parameters(user), Map.of());
      case PASSWORD_SRP ->
          given.containsKey("SRP_A")
              ? srp.start(target, user.username(), given.get("SRP_A"))
              : sessions.issue(target, user, ChallengeName.PASSWORD_SRP, parameters(user), Map.of());
      case EMAIL_OTP -> codes.askFirstFactor(target, user);
      default -> throw new IllegalArgumentException("not a first factor Cognate emulates: " + factor);
    };
  }

  /**
   * {@link #begin} for a user who does not exist, step for step alike: a password given along is refused as a wrong
   * one, SRP gets its decoy, a factor's own challenge its look-alike.
   */
  SignInStep beginDecoy(
      ClientInPool target, String username, ChallengeName factor, Map<String, String> given, String issuer) {
    return switch (factor) {
      case PASSWORD ->
          given.containsKey("PASSWORD")
              ? authenticator.withPassword(target, username, given.get("PASSWORD"), issuer)
              : sessions.issueDecoy(
                  target, ChallengeName.PASSWORD, username, Map.of("USERNAME", sessions.decoyUsername(target, username)));
      case PASSWORD_SRP ->
          given.containsKey("SRP_A")
              ? srp.start(target, username, given.get("SRP_A"))
              : sessions.issueDecoy(
                  target,
                  ChallengeName.PASSWORD_SRP,
                  username,
                  Map.of("USERNAME", sessions.decoyUsername(target, username)));
      case EMAIL_OTP -> emailCodeDecoy(target, username);
      default -> throw new IllegalArgumentException("not a first factor Cognate emulates: " + factor);
    };
  }

  /**
   * The first factors the user can start with now; SELECT_CHALLENGE's answer is checked against these rather than
   * against what was offered, so that a pool's policy or an e-mail address changed meanwhile counts.
   */
  static List<ChallengeName> available(ClientInPool target, User user) {
    return offered(target, Optional.of(user));
  }

  /** Whether SELECT_CHALLENGE offers {@code factor} to a user not known, as it does to a decoy's. */
  static boolean offeredToAnyone(ClientInPool target, ChallengeName factor) {
    return offered(target, Optional.empty()).contains(factor);
  }

  /** The EMAIL_OTP challenge a known user would get, for a user who does not exist: no code is sent. */
  SignInStep emailCodeDecoy(ClientInPool target, String username) {
    CodeDestination to = CodeSender.simulated(username);
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("USER_ID_FOR_SRP", sessions.decoyUsername(target, username));
    parameters.put("CODE_DELIVERY_DELIVERY_MEDIUM", to.deliveryMedium());
    parameters.put("CODE_DELIVERY_DESTINATION", to.destination());
    return sessions.issueDecoy(target, ChallengeName.EMAIL_OTP, username, parameters);
  }

  /** The first factors that SELECT_CHALLENGE offers this user, or any user when none is known. */
  private static List<ChallengeName> offered(ClientInPool target, Optional<User> user) {
    List<ChallengeName> offered = new ArrayList<>();
    for (String factor : target.pool().allowedFirstAuthFactors()) {
      switch (factor) {
        case "PASSWORD" -> {
          offered.add(ChallengeName.PASSWORD);
          offered.add(ChallengeName.PASSWORD_SRP);
        }
        case "EMAIL_OTP" -> {
          // A code to the e-mail address is one factor: where the pool requires two, it would skip the second.
          if (!target.pool().mfaConfiguration().equals("ON") && user.map(ChoiceSignIn::hasVerifiedEmail).orElse(true)) {
            offered.add(ChallengeName.EMAIL_OTP);
          }
        }
        // SMS_OTP and WEB_AUTHN are not emulated: they are never offered.
        default -> {}
      }
    }
    return offered;
  }

  private static boolean hasVerifiedEmail(User user) {
    return user.attribute("email").isPresent()
        && user.attribute("email_verified").map("true"::equals).orElse(false);
  }

  /** PREFERRED_CHALLENGE as a challenge; SMS_OTP and WEB_AUTHN are named as not emulated rather than passed over. */
  private static Optional<ChallengeName> preferred(String value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.equals("SMS_OTP") || value.equals("WEB_AUTHN")) {
      throw notEmulated(value);
    }
    return Arrays.stream(ChallengeName.values()).filter(c -> c.name().equals(value)).findFirst();
  }

  static CognitoException notEmulated(String factor) {
    return new CognitoException(
        CognitoErrorType.UNSUPPORTED_OPERATION,
        "Cognate does not emulate the " + factor + " sign-in factor yet; use PASSWORD, PASSWORD_SRP or EMAIL_OTP.");
  }

  private static Map<String, String> parameters(User user) {
    return Map.of("USERNAME", user.username());
  }
}
