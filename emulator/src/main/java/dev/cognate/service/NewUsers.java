package dev.cognate.service;

import dev.cognate.domain.SrpVerifier;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.random.Randomness;
import dev.cognate.storage.Transactions;
import dev.cognate.storage.UserStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What SignUp and AdminCreateUser share: how a new user is named, and storing them under the pool's unique keys. */
public final class NewUsers {
  private final SecureRandom random;
  private final UserStore users;
  private final Transactions transactions;

  public NewUsers(UserStore users, Transactions transactions, SecureRandom random) {
    this.random = random;
    this.users = users;
    this.transactions = transactions;
  }

  /**
   * A new user's stored username, {@code sub} and attributes as sent. In a pool whose usernames are e-mail
   * addresses or phone numbers, the name given becomes that attribute ({@code signInAttribute}) and the stored
   * username is the {@code sub}.
   */
  public record Identity(
      String username, String sub, List<AttributeRules.Input> attributes, Optional<String> signInAttribute) {
    /** The user not stored yet, with {@code sub} first among the checked {@code attributes}. */
    public User user(
        UserPool pool,
        UserStatus status,
        String passwordHash,
        SrpVerifier srpVerifier,
        Map<String, String> attributes,
        Instant now) {
      Map<String, String> all = new LinkedHashMap<>();
      all.put("sub", sub);
      all.putAll(attributes);
      return User.created(pool.id(), username, sub, status, passwordHash, all, now).withSrpVerifier(srpVerifier);
    }
  }

  public Identity identity(UserPool pool, String username, List<AttributeRules.Input> attributes) {
    String sub = Randomness.uuid(random).toString();
    List<AttributeRules.Input> inputs = new ArrayList<>(attributes);
    Optional<String> signInAttribute = signInAttribute(pool, username);
    if (signInAttribute.isEmpty()) {
      return new Identity(username, sub, inputs, Optional.empty());
    }
    inputs.removeIf(a -> a.name().equals(signInAttribute.get()));
    inputs.add(0, new AttributeRules.Input(signInAttribute.get(), username));
    return new Identity(sub, sub, inputs, signInAttribute);
  }

  /**
   * Stores a new user and, in the same transaction, whatever goes with them (the code sent to them); where e-mail
   * addresses or phone numbers are sign-in names ({@link SignInNames}), each is unique in the pool however it was
   * given.
   */
  public void insert(UserPool pool, User user, String usernameTaken, Runnable alongside) {
    UserStore.SignInKeys keys = SignInNames.keys(pool, user);
    transactions.inOne(
        () -> {
          switch (users.insert(user, pool.key(user.username()), keys.alias(), keys.phone())) {
            case USERNAME_TAKEN -> throw new CognitoException(CognitoErrorType.USERNAME_EXISTS, usernameTaken);
            case ALIAS_TAKEN -> throw taken(pool.emailIsUsername(), "email");
            case PHONE_TAKEN -> throw taken(pool.phoneIsUsername(), "phone_number");
            case INSERTED -> alongside.run();
          }
          return null;
        });
  }

  /**
   * A sign-in name another user holds: where it is the username, the name is taken (UsernameExistsException); where
   * it is an alias, the alias is (AliasExistsException), as the model documents for ForceAliasCreation false.
   */
  private static CognitoException taken(boolean username, String attribute) {
    if (!username) {
      return SignInNames.taken(attribute);
    }
    return new CognitoException(
        CognitoErrorType.USERNAME_EXISTS, "An account with the given " + attribute + " already exists.");
  }

  /** The attribute a username is where usernames are generated; a username that is neither kind is refused. */
  private static Optional<String> signInAttribute(UserPool pool, String username) {
    if (pool.emailIsUsername() && AttributeRules.isEmail(username)) {
      return Optional.of("email");
    }
    if (pool.phoneIsUsername() && AttributeRules.isPhoneNumber(username)) {
      return Optional.of("phone_number");
    }
    if (pool.emailIsUsername() && pool.phoneIsUsername()) {
      throw CognitoException.invalidParameter("Username should be either an email or a phone number.");
    }
    if (pool.emailIsUsername()) {
      throw CognitoException.invalidParameter("Username should be an email.");
    }
    if (pool.phoneIsUsername()) {
      throw CognitoException.invalidParameter("Username should be a phone number.");
    }
    return Optional.empty();
  }
}
