package dev.cognate.service;

import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.UserStore;
import java.util.Optional;

/** Finds users by the name a client sends: a username, or an e-mail address in pools that sign in by e-mail. */
public final class Users {
  private final UserStore store;

  public Users(UserStore store) {
    this.store = store;
  }

  public Optional<User> find(UserPool pool, String signInName) {
    if (pool.emailIsUsername() && signInName.contains("@")) {
      return store.findByAlias(pool.id(), pool.key(signInName));
    }
    return store.findByUsername(pool.id(), pool.key(signInName));
  }

  /** The user, or Cognito's {@code UserNotFoundException: User does not exist.} */
  public User require(UserPool pool, String signInName) {
    return find(pool, signInName).orElseThrow(Users::doesNotExist);
  }

  public static CognitoException doesNotExist() {
    return new CognitoException(CognitoErrorType.USER_NOT_FOUND, "User does not exist.");
  }

  /** LEGACY clients' answer for an unknown user in the code operations. */
  public static CognitoException comboNotFound() {
    return new CognitoException(CognitoErrorType.USER_NOT_FOUND, "Username/client id combination not found.");
  }
}
