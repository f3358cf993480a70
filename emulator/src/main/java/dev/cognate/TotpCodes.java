package dev.cognate;

import java.util.Optional;

/**
 * The code a user's authenticator app would show now, so that tests can answer SOFTWARE_TOKEN_MFA and
 * VerifySoftwareToken without computing TOTP themselves.
 */
public interface TotpCodes {
  /**
   * The current code of the user's registered authenticator secret, or of the pending one while none is registered;
   * empty when the user has neither.
   *
   * @param username the username, or a sign-in name the pool accepts for it
   */
  Optional<String> current(String userPoolId, String username);
}
