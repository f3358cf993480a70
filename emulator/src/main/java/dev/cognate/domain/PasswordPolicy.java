package dev.cognate.domain;

import java.util.Optional;

/** A pool's password rules, with the check Cognito applies at sign-up. */
public record PasswordPolicy(
    int minimumLength,
    boolean requireUppercase,
    boolean requireLowercase,
    boolean requireNumbers,
    boolean requireSymbols,
    int temporaryPasswordValidityDays) {

  /** What CreateUserPool stores when the request has no policy. */
  public static final PasswordPolicy API_DEFAULT = new PasswordPolicy(8, true, true, true, true, 7);

  // Cognito's documented symbol set, space included.
  private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

  /** The first rule the password breaks, in Cognito's wording, or empty when it conforms. */
  public Optional<String> firstViolation(String password) {
    if (password.codePointCount(0, password.length()) < minimumLength) {
      return violation("Password not long enough");
    }
    if (requireUppercase && password.chars().noneMatch(Character::isUpperCase)) {
      return violation("Password must have uppercase characters");
    }
    if (requireLowercase && password.chars().noneMatch(Character::isLowerCase)) {
      return violation("Password must have lowercase characters");
    }
    if (requireNumbers && password.chars().noneMatch(c -> c >= '0' && c <= '9')) {
      return violation("Password must have numeric characters");
    }
    if (requireSymbols && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
      return violation("Password must have symbol characters");
    }
    return Optional.empty();
  }

  private static Optional<String> violation(String rule) {
    return Optional.of("Password did not conform with policy: " + rule);
  }
}
