package dev.cognate.storage;

import dev.cognate.domain.User;
import dev.cognate.domain.UserFilter;
import java.util.Optional;

/**
 * Users of pools. Uniqueness of usernames and e-mail sign-in names is kept by the database, under the keys the
 * caller computes from the pool's case sensitivity.
 */
public interface UserStore {

  /** Outcome of an insert: the database's unique constraints decide, so concurrent sign-ups cannot both win. */
  enum Insert {
    INSERTED,
    USERNAME_TAKEN,
    ALIAS_TAKEN,
    PHONE_TAKEN
  }

  /** Inserts the user; {@code aliasKey} is their e-mail sign-in name's key, {@code phoneKey} their phone number's. */
  Insert insert(User user, String usernameKey, Optional<String> aliasKey, Optional<String> phoneKey);

  Optional<User> findByUsername(String userPoolId, String usernameKey);

  Optional<User> findByAlias(String userPoolId, String aliasKey);

  Optional<User> findByPhone(String userPoolId, String phoneKey);

  Optional<User> findBySub(String userPoolId, String sub);

  /**
   * Writes {@code changed} (status, flags, password, attributes, pending code) over the stored user, in one
   * transaction, only if it is still at {@code current}'s version: false when another change came first or the
   * user is gone, so that no decision made on a stale read is ever written.
   */
  boolean replace(User current, User changed);

  /** The keys under which a user's e-mail address and phone number are unique sign-in names, where they are. */
  record SignInKeys(Optional<String> alias, Optional<String> phone) {}

  /** Outcome of a replace that also moves the sign-in keys. */
  enum Replace {
    REPLACED,
    STALE,
    ALIAS_TAKEN,
    PHONE_TAKEN
  }

  /**
   * {@link #replace(User, User)} that also sets the user's sign-in keys in the same conditional write; the
   * database's unique keys refuse a key another user of the pool holds.
   */
  Replace replace(User current, User changed, SignInKeys keys);

  boolean delete(String userPoolId, String sub);

  int count(String userPoolId);

  Page<User> list(String userPoolId, Optional<UserFilter> filter, long after, int limit);
}
