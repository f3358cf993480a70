package dev.cognate.service;

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

  /** So do the codes that verify a changed e-mail address or phone number. */
  public static final Duration ATTRIBUTE_CODE_VALIDITY = Duration.ofHours(24);

  private static final Logger LOG = LoggerFactory.getLogger("cognate.codes");

  private final OutboxStore outbox;
  private final Optional<String> fixedCode;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public CodeSender(OutboxStore outbox, Optional<String> fixedCode, Clock clock) {
    this.outbox = outbox;
    this.fixedCode = fixedCode;
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
    Instant expiresAt = clock.instant().plus(SIGN_UP_CODE_VALIDITY);
    if (pool.autoVerifiedAttributes().contains("email") && user.attribute("email").isPresent()) {
      return Optional.of(new PreparedCode(nextCode(), "EMAIL", "email", user.attribute("email").get(), expiresAt));
    }
    if (pool.autoVerifiedAttributes().contains("phone_number") && user.attribute("phone_number").isPresent()) {
      return Optional.of(
          new PreparedCode(nextCode(), "SMS", "phone_number", user.attribute("phone_number").get(), expiresAt));
    }
    return Optional.empty();
  }

  /** A code that verifies a new or current value of {@code attribute} (email or phone_number). */
  public PreparedCode prepareVerificationCode(String attribute, String destination) {
    String medium = attribute.equals("email") ? "EMAIL" : "SMS";
    return new PreparedCode(
        nextCode(), medium, attribute, destination, clock.instant().plus(ATTRIBUTE_CODE_VALIDITY));
  }

  /** Records a prepared code as sent, once the user it belongs to is stored. */
  public void send(UserPool pool, User user, PreparedCode prepared, CodePurpose purpose) {
    SentCode sent =
        new SentCode(
            pool.id(), user.username(), prepared.code(), purpose, prepared.medium(), prepared.destination(),
            clock.instant());
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
