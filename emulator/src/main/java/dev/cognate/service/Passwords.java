package dev.cognate.service;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import dev.cognate.domain.PasswordPolicy;
import dev.cognate.domain.SrpVerifier;
import dev.cognate.domain.User;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * bcrypt password hashes at the configured cost, and the SRP verifier stored beside each hash so that clients
 * signing in by SRP (USER_SRP_AUTH) can prove the same password. Cognito accepts passwords of up to 256 characters and bcrypt
 * reads only 72 bytes, so longer passwords are pre-hashed with SHA-512 rather than truncated or refused.
 */
public final class Passwords {
  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
  private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

  private final int cost;
  private final SecureRandom random;
  private final VerifiedPasswords verified;

  public Passwords(int cost, SecureRandom random) {
    this(cost, new VerifiedPasswords(), random);
  }

  Passwords(int cost, VerifiedPasswords verified, SecureRandom random) {
    this.cost = cost;
    this.random = random;
    this.verified = verified;
  }

  /** Forgets which passwords were found right, when the stored state is wiped or replaced. */
  public void forgetVerified() {
    verified.clear();
  }

  public String hash(String password) {
    return BCrypt.with(VERSION, random, LONG_PASSWORDS).hashToString(cost, password.toCharArray());
  }

  /** The SRP verifier of {@code password} for the user named {@code userIdForSrp}, with a new random salt. */
  public SrpVerifier verifier(String userPoolId, String userIdForSrp, String password) {
    return SrpMath.verifierFor(random, userPoolId, userIdForSrp, password);
  }

  /**
   * Whether {@code password} is the user's current one. A password bcrypt found right for this very hash before is
   * taken from memory; a wrong one is hashed every time, so guessing costs what it always did.
   */
  public boolean matches(User user, String password) {
    String hash = user.passwordHash();
    if (hash == null) {
      return false;
    }
    ByteBuffer entry = verified.entry(user.userPoolId() + "/" + user.sub(), hash, password);
    if (verified.contains(entry)) {
      return true;
    }
    boolean right = matches(password, hash);
    if (right) {
      verified.add(entry);
    }
    return right;
  }

  /** bcrypt alone, as for the throwaway hash that keeps an unknown user's answer as slow as a wrong password's. */
  public boolean matches(String password, String hash) {
    return hash != null
        && BCrypt.verifyer(VERSION, LONG_PASSWORDS)
            .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
            .verified;
  }

  /** Refuses a password the pool's policy does not accept, with Cognito's InvalidPasswordException for its first broken rule. */
  public static void requireConforming(PasswordPolicy policy, String password) {
    policy
        .firstViolation(password)
        .ifPresent(
            message -> {
              throw new CognitoException(CognitoErrorType.INVALID_PASSWORD, message);
            });
  }
}
