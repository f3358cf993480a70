package dev.cognate.service;

import dev.cognate.Limits;
import dev.cognate.domain.CodeDestination;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SentCode;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.storage.OutboxStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Sends" confirmation codes: nothing leaves the machine; each code is logged on one line and kept in the outbox
 * for tests and people to read.
 */
public final class CodeSender {
  /** Cognito's sign-up confirmation codes stay valid for 24 hours. */
  public static final Duration SIGN_UP_CODE_VALIDITY = Duration.ofHours(24);
  /** Cognito's forgot-password codes stay valid for one hour. */
  public static final Duration FORGOT_PASSWORD_CODE_VALIDITY = Duration.ofHours(1);
  /** Cognito's order when a pool has no AccountRecoverySetting: SMS before e-mail. */
  private static final List<String> LEGACY_RECOVERY = List.of("verified_phone_number", "verified_email");

  /** So do the codes that verify a changed e-mail address or phone number. */
  public static final Duration ATTRIBUTE_CODE_VALIDITY = Duration.ofHours(24);
  // Cognito's default for SMS and e-mail MFA codes; the challenge session that holds the code may end sooner.
  public static final Duration MFA_CODE_VALIDITY = Duration.ofMinutes(3);

  private static final Logger LOG = LoggerFactory.getLogger("cognate.codes");

  private final OutboxStore outbox;
  private final Optional<String> fixedCode;
  private final Limits limits;
  private final Clock clock;
  private final SecureRandom random;

  public CodeSender(OutboxStore outbox, Optional<String> fixedCode, Limits limits, Clock clock, SecureRandom random) {
    this.random = random;
    this.outbox = outbox;
    this.fixedCode = fixedCode;
    this.limits = limits;
    this.clock = clock;
  }

  /** A code chosen for a user, not yet sent. */
  public record PreparedCode(String code, String medium, String attribute, String destination, Instant expiresAt) {
    /** The code as the user keeps it until it is used; only attribute verification codes are per attribute. */
    public User.PendingCode pending(CodePurpose purpose) {
      String verified = purpose == CodePurpose.VERIFY_ATTRIBUTE ? attribute : "";
      return new User.PendingCode(purpose, verified, code, expiresAt, 0);
    }

    public CodeDestination reported() {
      return new CodeDestination(mask(destination), medium, attribute);
    }
  }

  /**
   * The sign-up code for a user of this pool, when the pool auto-verifies an attribute the user has: e-mail
   * first, as Cognito prefers it, then phone number.
   */
  public Optional<PreparedCode> prepareSignUpCode(UserPool pool, User user) {
    for (String attribute : List.of("email", "phone_number")) {
      if (pool.autoVerifiedAttributes().contains(attribute) && user.attribute(attribute).isPresent()) {
        return Optional.of(codeTo(attribute, user.attribute(attribute).get(), SIGN_UP_CODE_VALIDITY));
      }
    }
    return Optional.empty();
  }

  /**
   * The password-reset code for a user: to the first verified channel in the pool's AccountRecoverySetting order
   * ({@code admin_only} offers none), empty when the user has no such channel.
   */
  public Optional<PreparedCode> prepareForgotPasswordCode(UserPool pool, User user) {
    for (String mechanism : recoveryOrder(pool)) {
      for (String attribute : List.of("email", "phone_number")) {
        if (mechanism.equals("verified_" + attribute) && verified(user, attribute)) {
          return Optional.of(codeTo(attribute, user.attribute(attribute).get(), FORGOT_PASSWORD_CODE_VALIDITY));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * What an unknown user's code operation answers where the client hides whether users exist: a destination like
   * the one a real user of that name would be told about.
   */
  public static CodeDestination simulated(String username) {
    String address = username.contains("@") ? username : username + "@example.com";
    return new CodeDestination(mask(address), "EMAIL", "email");
  }

  private static boolean verified(User user, String attribute) {
    return user.attribute(attribute).isPresent()
        && "true".equals(user.attribute(attribute + "_verified").orElse(null));
  }

  /** The pool's recovery mechanisms by priority, as CreateUserPool and UpdateUserPool stored them. */
  private static List<String> recoveryOrder(UserPool pool) {
    if (!(pool.echoed().get("AccountRecoverySetting") instanceof Map<?, ?> setting)
        || !(setting.get("RecoveryMechanisms") instanceof List<?> mechanisms)) {
      return LEGACY_RECOVERY;
    }
    return mechanisms.stream()
        .filter(m -> m instanceof Map<?, ?>)
        .map(m -> (Map<?, ?>) m)
        .sorted(Comparator.comparingInt(m -> m.get("Priority") instanceof Number n ? n.intValue() : Integer.MAX_VALUE))
        .map(m -> String.valueOf(m.get("Name")))
        .toList();
  }

  /** A code that verifies a new or current value of {@code attribute} (email or phone_number). */
  public PreparedCode prepareVerificationCode(String attribute, String destination) {
    return codeTo(attribute, destination, ATTRIBUTE_CODE_VALIDITY);
  }

  /** A sign-in's MFA code to the user's e-mail address or phone number ({@code attribute}). */
  public PreparedCode prepareMfaCode(User user, String attribute) {
    return codeTo(attribute, user.attribute(attribute).orElseThrow(), MFA_CODE_VALIDITY);
  }

  /** A new code to {@code destination}, the value of {@code attribute}: by e-mail to an address, else by SMS. */
  private PreparedCode codeTo(String attribute, String destination, Duration validity) {
    String medium = attribute.equals("email") ? "EMAIL" : "SMS";
    return new PreparedCode(nextCode(), medium, attribute, destination, clock.instant().plus(validity));
  }

  /**
   * Records an MFA code as sent. Unlike the codes a user asks for, these are not limited per hour: each one follows
   * a right password, which sign-in lock-out already limits.
   */
  public void sendMfa(UserPool pool, User user, PreparedCode prepared) {
    record(pool, user, prepared, CodePurpose.MFA, clock.instant());
  }

  /**
   * Records a prepared code as sent, once the user it belongs to is stored; past {@link Limits#codeSendsPerHour()}
   * codes of this purpose to this user in the last hour (the user's earlier codes included, and only codes sent since
   * the user was created), refuses with Cognito's LimitExceededException instead. Call it in the transaction that
   * changes the user, as the {@code alongside} of {@link Users#change}: the lock on the user's row then orders
   * concurrent sends, so a burst cannot get past the limit, and a refusal undoes the user's change too.
   */
  public void send(UserPool pool, User user, PreparedCode prepared, CodePurpose purpose) {
    Instant now = clock.instant();
    Instant hourAgo = now.minus(Duration.ofHours(1));
    Instant since = hourAgo.isAfter(user.createdAt()) ? hourAgo : user.createdAt();
    if (outbox.countSince(pool.id(), user.username(), purpose, since) >= limits.codeSendsPerHour()) {
      throw CodeCheck.attemptLimitExceeded();
    }
    record(pool, user, prepared, purpose, now);
  }

  private void record(UserPool pool, User user, PreparedCode prepared, CodePurpose purpose, Instant now) {
    SentCode sent =
        new SentCode(
            pool.id(), user.username(), prepared.code(), purpose, prepared.medium(), prepared.destination(), now);
    outbox.append(sent, user.attribute("email").orElse(null));
    LOG.info(
        "Sent code: pool={} username={} purpose={} medium={} destination={} code={}",
        sent.userPoolId(), sent.username(), sent.purpose(), sent.deliveryMedium(), sent.destination(), sent.code());
  }

  private String nextCode() {
    return fixedCode.orElseGet(() -> String.format("%06d", random.nextInt(1_000_000)));
  }

  /** Cognito's masking: {@code alice@example.com} becomes {@code a***@e***}, a phone keeps its last four digits. */
  public static String mask(String destination) {
    int at = destination.indexOf('@');
    if (at > 0 && at < destination.length() - 1) {
      return destination.charAt(0) + "***@" + destination.charAt(at + 1) + "***";
    }
    if (destination.length() > 4) {
      String visible = destination.substring(destination.length() - 4);
      String prefix = destination.startsWith("+") ? "+" : "";
      return prefix + "*".repeat(destination.length() - 4 - prefix.length()) + visible;
    }
    return "***";
  }
}
