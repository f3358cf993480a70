package dev.cognate.domain;

import java.time.Instant;

/**
 * A sign-in waiting for the answer to a challenge: bound to the pool, client and user it was issued for, and
 * usable until {@code expiresAt}. The session string itself is the client's secret; only its hash is stored.
 */
public record ChallengeSession(
    String sessionHash,
    String userPoolId,
    String clientId,
    String userSub,
    ChallengeName challenge,
    Instant expiresAt) {}
