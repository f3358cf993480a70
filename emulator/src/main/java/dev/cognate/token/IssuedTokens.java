package dev.cognate.token;

/** The signed ID and access tokens of one issue, and the access token's lifetime in seconds. */
public record IssuedTokens(String idToken, String accessToken, int expiresIn) {}
