package dev.cognate.domain;

import java.time.Instant;

/**
 * One sign-in: the refresh token (kept only as a hash) and the tokens issued from it share its id as
 * {@code origin_jti}, so revoking the session revokes all of them.
 */
public record AuthSession(
    String id,
    String refreshTokenHash,
    String userPoolId,
    String clientId,
    String userSub,
    Instant authTime,
    Instant expiresAt,
    boolean revoked) {}
