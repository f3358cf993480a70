package dev.cognate.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user of a pool. {@code attributes} keeps insertion order and always holds {@code sub}. {@code codes} are the
 * codes valid now, at most one per purpose and attribute. {@code passwordSetAt} dates the password, so that a
 * temporary one can expire; {@code lockout} counts wrong passwords in a row. {@code srpVerifier} lets the password
 * be checked by SRP; users stored before verifiers were kept have none until their password is next checked.
 * {@code mfa} holds the user's second factors. {@code version} is the stored version this value was read at: a
 * change is written only if the stored user is still at that version.
 */
public record User(
    String userPoolId,
    String username,
    String sub,
    UserStatus status,
    boolean enabled,
    String passwordHash,
    Map<String, String> attributes,
    Instant createdAt,
    Instant modifiedAt,
    List<PendingCode> codes,
    Instant passwordSetAt,
    Lockout lockout,
    Optional<SrpVerifier> srpVerifier,
    UserMfa mfa,
    long version) {

  public User {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    codes = List.copyOf(codes);
    mfa = mfa == null ? UserMfa.NONE : mfa;
  }

  /** A user not stored yet. */
  public static User created(
      String userPoolId,
      String username,
      String sub,
      UserStatus status,
      String passwordHash,
      Map<String, String> attributes,
      Instant now) {
    return new User(
        userPoolId, username, sub, status, true, passwordHash, attributes, now, now, List.of(), now, Lockout.NONE,
        Optional.empty(), UserMfa.NONE, 0);
  }

  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** The pending code for a purpose and attribute ({@code ""} for purposes not tied to one). */
  public Optional<PendingCode> code(CodePurpose purpose, String attribute) {
    return codes.stream().filter(c -> c.purpose() == purpose && c.attribute().equals(attribute)).findFirst();
  }

  public User withStatus(UserStatus newStatus, Instant at) {
    return new User(
        userPoolId, username, sub, newStatus, enabled, passwordHash, attributes, createdAt, at, codes, passwordSetAt,
        lockout, srpVerifier, mfa, version);
  }

  public User withAttribute(String name, String value, Instant at) {
    Map<String, String> changed = new LinkedHashMap<>(attributes);
    changed.put(name, value);
    return withAttributes(changed, at);
  }

  public User withAttributes(Map<String, String> newAttributes, Instant at) {
    return new User(
        userPoolId, username, sub, status, enabled, passwordHash, newAttributes, createdAt, at, codes, passwordSetAt,
        lockout, srpVerifier, mfa, version);
  }

  public User withEnabled(boolean newEnabled, Instant at) {
    return new User(
        userPoolId, username, sub, status, newEnabled, passwordHash, attributes, createdAt, at, codes, passwordSetAt,
        lockout, srpVerifier, mfa, version);
  }

  /**
   * A new password, as its hash and its SRP verifier, dated now; wrong passwords counted against the old one no
   * longer count.
   */
  public User withPassword(String newHash, SrpVerifier newVerifier, Instant at) {
    return new User(
        userPoolId, username, sub, status, enabled, newHash, attributes, createdAt, at, codes, at, Lockout.NONE,
        Optional.of(newVerifier), mfa, version);
  }

  /** The SRP verifier of the current password; it changes nothing visible, so it leaves {@code modifiedAt} alone. */
  public User withSrpVerifier(SrpVerifier newVerifier) {
    return new User(
        userPoolId, username, sub, status, enabled, passwordHash, attributes, createdAt, modifiedAt, codes,
        passwordSetAt, lockout, Optional.of(newVerifier), mfa, version);
  }

  /** Replaces the code of the same purpose and attribute, if any. */
  public User withCode(PendingCode code, Instant at) {
    List<PendingCode> changed = new ArrayList<>(codes);
    changed.removeIf(c -> c.purpose() == code.purpose() && c.attribute().equals(code.attribute()));
    changed.add(code);
    return withCodes(changed, at);
  }

  public User withoutCode(CodePurpose purpose, String attribute, Instant at) {
    List<PendingCode> changed = new ArrayList<>(codes);
    changed.removeIf(c -> c.purpose() == purpose && c.attribute().equals(attribute));
    return withCodes(changed, at);
  }

  public User withCodes(List<PendingCode> newCodes, Instant at) {
    return new User(
        userPoolId, username, sub, status, enabled, passwordHash, attributes, createdAt, at, newCodes, passwordSetAt,
        lockout, srpVerifier, mfa, version);
  }

  /** Wrong-password bookkeeping changes no visible part of the user, so it leaves {@code modifiedAt} alone. */
  public User withLockout(Lockout newLockout) {
    return new User(
        userPoolId, username, sub, status, enabled, passwordHash, attributes, createdAt, modifiedAt, codes,
        passwordSetAt, newLockout, srpVerifier, mfa, version);
  }

  /** New MFA settings; like wrong-password bookkeeping, they change no attribute, so {@code modifiedAt} stays. */
  public User withMfa(UserMfa newMfa) {
    return new User(
        userPoolId, username, sub, status, enabled, passwordHash, attributes, createdAt, modifiedAt, codes,
        passwordSetAt, lockout, srpVerifier, newMfa, version);
  }

  /**
   * A code waiting to be typed in: what it is for, the attribute it verifies ({@code ""} when none), when it stops
   * being accepted, and how many wrong codes were tried against it. {@code pendingValue} is the new value of an
   * attribute that takes effect only once verified ({@code ""} when none: the code verifies the current value).
   */
  public record PendingCode(
      CodePurpose purpose, String attribute, String code, Instant expiresAt, int failedAttempts, String pendingValue) {

    public PendingCode(CodePurpose purpose, String attribute, String code, Instant expiresAt, int failedAttempts) {
      this(purpose, attribute, code, expiresAt, failedAttempts, "");
    }

    public PendingCode withFailedAttempt() {
      return new PendingCode(purpose, attribute, code, expiresAt, failedAttempts + 1, pendingValue);
    }

    public PendingCode withPendingValue(String value) {
      return new PendingCode(purpose, attribute, code, expiresAt, failedAttempts, value);
    }

    public Optional<String> pending() {
      return pendingValue.isEmpty() ? Optional.empty() : Optional.of(pendingValue);
    }
  }

  /** Wrong passwords in a row, and until when sign-in is refused because of them. */
  public record Lockout(int failures, Optional<Instant> until) {
    public static final Lockout NONE = new Lockout(0, Optional.empty());
  }
}
