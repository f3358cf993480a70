package dev.cognate.domain;

import java.math.BigInteger;

/**
 * What a sign-in by SRP checks a password against without knowing it: the salt and {@code v = g^x mod N}, computed
 * when the password was set.
 */
public record SrpVerifier(BigInteger salt, BigInteger verifier) {}
