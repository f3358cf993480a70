package dev.cognate.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A user of a pool. {@code attributes} keeps insertion order and always holds {@code sub}; a pending code is the
 * one confirmation code that is valid now. {@code version} is the stored version this value was read at: a change
 * is written only if the stored user is still at that version.
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
    Optional<PendingCode> pendingCode,
    long version) {

  public User {
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  public User withStatus(UserStatus newStatus, Instant at) {
    return new User(userPoolId, username, sub, newStatus, enabled, passwordHash, attributes, createdAt, at, pendingCode, version);
  }

  public User withAttribute(String name, String value, Instant at) {
    Map<String, String> changed = new LinkedHashMap<>(attributes);
    changed.put(name, value);
    return new User(userPoolId, username, sub, status, enabled, passwordHash, changed, createdAt, at, pendingCode, version);
  }

  public User withEnabled(boolean newEnabled, Instant at) {
    return new User(
        userPoolId, username, sub, status, newEnabled, passwordHash, attributes, createdAt, at, pendingCode, version);
  }

  public User withPendingCode(Optional<PendingCode> code, Instant at) {
    return new User(userPoolId, username, sub, status, enabled, passwordHash, attributes, createdAt, at, code, version);
  }

  /** A code waiting to be typed in, and when it stops being accepted. */
  public record PendingCode(String code, Instant expiresAt) {}
}
