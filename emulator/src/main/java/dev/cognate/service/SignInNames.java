package dev.cognate.service;

import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.UserStore.SignInKeys;
import java.util.Optional;

/**
 * Which of a user's e-mail address and phone number are sign-in names, and so unique in the pool: always where the
 * pool's usernames are e-mail addresses or phone numbers (UsernameAttributes), and once verified where they are
 * aliases (AliasAttributes), since Cognito lets only a verified alias sign in.
 */
public final class SignInNames {
  private SignInNames() {}

  public static SignInKeys keys(UserPool pool, User user) {
    Optional<String> alias =
        isSignInName(pool, user, "email", pool.emailIsUsername()) ? user.attribute("email").map(pool::key)
            : Optional.empty();
    Optional<String> phone =
        isSignInName(pool, user, "phone_number", pool.phoneIsUsername()) ? user.attribute("phone_number")
            : Optional.empty();
    return new SignInKeys(alias, phone);
  }

  private static boolean isSignInName(UserPool pool, User user, String attribute, boolean username) {
    if (user.attribute(attribute).isEmpty()) {
      return false;
    }
    return username
        || (pool.aliasAttributes().contains(attribute)
            && user.attribute(attribute + "_verified").map("true"::equals).orElse(false));
  }

  /** Cognito's answer when another user of the pool already signs in with that e-mail address or phone number. */
  public static CognitoException taken(String attribute) {
    return new CognitoException(
        CognitoErrorType.ALIAS_EXISTS, "An account with the given " + attribute + " already exists.");
  }
}
