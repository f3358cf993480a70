package dev.cognate.service;

import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.PasswordPolicy;
import dev.cognate.domain.SrpVerifier;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * AdminCreateUser: a user created by an administrator, with a temporary password (given or generated to the pool's
 * policy) and status FORCE_CHANGE_PASSWORD; the invitation carrying the password goes to the outbox unless
 * suppressed. RESEND gives a user still waiting to sign in a new temporary password and invitation.
 */
public final class Invitations {
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "^$*.[]{}()?!@#%&/,><:;|_~=+-";
  private static final int GENERATED_LENGTH = 12;

  private final Users users;
  private final NewUsers newUsers;
  private final Passwords passwords;
  private final CodeSender codes;
  private final Clock clock;
  private final SecureRandom random;

  public Invitations(
      Users users, NewUsers newUsers, Passwords passwords, CodeSender codes, Clock clock, SecureRandom random) {
    this.random = random;
    this.users = users;
    this.newUsers = newUsers;
    this.passwords = passwords;
    this.codes = codes;
    this.clock = clock;
  }

  /** What AdminCreateUser asks for; {@code mediums} empty means Cognito's default. */
  public record Invitation(
      String username,
      List<AttributeRules.Input> attributes,
      Optional<String> temporaryPassword,
      boolean suppress,
      List<String> mediums) {}

  public User create(UserPool pool, Invitation invitation) {
    NewUsers.Identity identity = newUsers.identity(pool, invitation.username(), invitation.attributes());
    String temporary = temporaryPassword(pool.passwordPolicy(), invitation.temporaryPassword());
    Instant now = clock.instant();
    // Required attributes may be left to the user: NEW_PASSWORD_REQUIRED asks for the ones still missing.
    User user =
        identity.user(
            pool,
            UserStatus.FORCE_CHANGE_PASSWORD,
            passwords.hash(temporary),
            passwords.verifier(pool.id(), identity.username(), temporary),
            AttributeRules.checked(pool, identity.attributes()),
            now);
    List<CodeSender.PreparedCode> messages =
        invitation.suppress() ? List.of() : messages(pool, user, temporary, invitation.mediums(), now);
    newUsers.insert(pool, user, "User account already exists", () -> send(pool, user, messages));
    return user;
  }

  /** RESEND: a new temporary password, valid for the pool's full validity again, sent as a new invitation. */
  public User resend(UserPool pool, Invitation invitation) {
    User found = users.require(pool, invitation.username());
    String temporary = temporaryPassword(pool.passwordPolicy(), invitation.temporaryPassword());
    String hash = passwords.hash(temporary);
    SrpVerifier verifier = passwords.verifier(pool.id(), found.username(), temporary);
    Instant now = clock.instant();
    return users.change(
        found,
        user -> {
          if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
            throw new CognitoException(
                CognitoErrorType.UNSUPPORTED_USER_STATE, "Resend not possible. User status is " + user.status());
          }
          User changed = user.withPassword(hash, verifier, now);
          return new Users.Decision<>(changed, changed);
        },
        (changed, same) -> send(pool, changed, messages(pool, changed, temporary, invitation.mediums(), now)));
  }

  private void send(UserPool pool, User user, List<CodeSender.PreparedCode> messages) {
    messages.forEach(m -> codes.send(pool, user, m, CodePurpose.INVITATION));
  }

  /**
   * One invitation per medium asked for that the user has an attribute for. Cognito's default medium is SMS; when
   * none is asked for, Cognate sends by SMS to a user with a phone number, else by e-mail, else not at all.
   */
  private static List<CodeSender.PreparedCode> messages(
      UserPool pool, User user, String temporary, List<String> mediums, Instant now) {
    Instant expiresAt = now.plus(Duration.ofDays(pool.passwordPolicy().temporaryPasswordValidityDays()));
    List<CodeSender.PreparedCode> messages = new ArrayList<>();
    List<String> wanted = mediums.isEmpty() ? List.of("SMS") : mediums;
    for (String medium : wanted) {
      String attribute = medium.equals("EMAIL") ? "email" : "phone_number";
      user.attribute(attribute)
          .ifPresent(to -> messages.add(new CodeSender.PreparedCode(temporary, medium, attribute, to, expiresAt)));
    }
    if (messages.isEmpty() && mediums.isEmpty()) {
      user.attribute("email")
          .ifPresent(to -> messages.add(new CodeSender.PreparedCode(temporary, "EMAIL", "email", to, expiresAt)));
    }
    if (messages.isEmpty() && !mediums.isEmpty()) {
      throw CognitoException.invalidParameter("User has no attribute matching desired delivery mediums");
    }
    return messages;
  }

  private String temporaryPassword(PasswordPolicy policy, Optional<String> given) {
    if (given.isPresent()) {
      Passwords.requireConforming(policy, given.get());
      return given.get();
    }
    return generated(policy);
  }

  /** A random password of every character class the policy requires, and at least as long as it requires. */
  private String generated(PasswordPolicy policy) {
    List<Character> chars = new ArrayList<>();
    if (policy.requireUppercase()) {
      chars.add(pick(UPPER));
    }
    if (policy.requireLowercase()) {
      chars.add(pick(LOWER));
    }
    if (policy.requireNumbers()) {
      chars.add(pick(DIGITS));
    }
    if (policy.requireSymbols()) {
      chars.add(pick(SYMBOLS));
    }
    String all = UPPER + LOWER + DIGITS + SYMBOLS;
    while (chars.size() < Math.max(GENERATED_LENGTH, policy.minimumLength())) {
      chars.add(pick(all));
    }
    Collections.shuffle(chars, random);
    StringBuilder password = new StringBuilder();
    chars.forEach(password::append);
    return password.toString();
  }

  private char pick(String alphabet) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }
}
