package dev.cognate.support;

/** A user pool and one of its app clients; the secret is null unless the client generated one. */
public record Pool(String poolId, String clientId, String clientSecret) {}
