package dev.cognate.service;

import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.ParentGoneException;
import dev.cognate.storage.PoolStore;
import dev.cognate.storage.Transactions;
import dev.cognate.storage.UserStore;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Finds users by the name a client sends (a username, or an e-mail address in pools that sign in by e-mail), and is
 * the one way a stored user changes: every change is decided on the user as stored and written only if nothing
 * changed the user in between; a change that lost such a race is decided again on the fresh state.
 */
public final class Users {
  // Each lost race means another change was written, so this bound is only reached under pathological contention.
  private static final int MAX_ATTEMPTS = 200;

  private final UserStore store;
  private final PoolStore pools;
  private final Transactions transactions;

  public Users(UserStore store, PoolStore pools, Transactions transactions) {
    this.store = store;
    this.pools = pools;
    this.transactions = transactions;
  }

  /** A change decided on one state of a user: the user to write, and what the caller answers once it is written. */
  public record Decision<T>(User changed, T answer) {}

  public Optional<User> find(UserPool pool, String signInName) {
    Optional<User> found;
    if (pool.emailIsUsername() && signInName.contains("@")) {
      found = store.findByAlias(pool.id(), pool.key(signInName));
    } else if (pool.phoneIsUsername() && signInName.startsWith("+")) {
      found = store.findByPhone(pool.id(), signInName);
    } else {
      found = store.findByUsername(pool.id(), pool.key(signInName));
    }
    // Deleting a pool deletes its users: a user missing from a pool deleted after it was read is an answer no
    // serial order gives, so the request runs again and finds the pool gone.
    if (found.isEmpty() && pools.find(pool.id()).isEmpty()) {
      throw new ParentGoneException();
    }
    return found;
  }

  /** The user, or Cognito's {@code UserNotFoundException: User does not exist.} */
  public User require(UserPool pool, String signInName) {
    return find(pool, signInName).orElseThrow(Users::doesNotExist);
  }

  /** Writes {@code change} of the user as stored now; it may refuse by throwing, seeing the state it decides on. */
  public void change(User read, UnaryOperator<User> change) {
    change(read, user -> new Decision<>(change.apply(user), null), (changed, none) -> {});
  }

  /**
   * Writes the decision taken on the user as stored now and, in the same transaction, whatever must be stored
   * with it ({@code alongside}: a code in the outbox, say); returns the decision's answer.
   */
  public <T> T change(User read, Function<User, Decision<T>> decide, BiConsumer<User, T> alongside) {
    return decideAndWrite(
        read,
        decide,
        alongside,
        (base, changed) -> store.replace(base, changed) ? UserStore.Replace.REPLACED : UserStore.Replace.STALE);
  }

  /**
   * {@link #change(User, Function, BiConsumer)} for a change that may move the user's e-mail address or phone
   * number: their sign-in keys follow in the same conditional write, and a key another user holds is refused with
   * Cognito's AliasExistsException.
   */
  public <T> T change(UserPool pool, User read, Function<User, Decision<T>> decide, BiConsumer<User, T> alongside) {
    return decideAndWrite(
        read, decide, alongside, (base, changed) -> store.replace(base, changed, SignInNames.keys(pool, changed)));
  }

  private <T> T decideAndWrite(
      User read,
      Function<User, Decision<T>> decide,
      BiConsumer<User, T> alongside,
      BiFunction<User, User, UserStore.Replace> write) {
    User current = read;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Decision<T> decision = decide.apply(current);
      User base = current;
      UserStore.Replace outcome =
          transactions.inOne(
              () -> {
                UserStore.Replace replaced = write.apply(base, decision.changed());
                if (replaced == UserStore.Replace.REPLACED) {
                  alongside.accept(decision.changed(), decision.answer());
                }
                return replaced;
              });
      switch (outcome) {
        case REPLACED -> {
          return decision.answer();
        }
        case ALIAS_TAKEN -> throw SignInNames.taken("email");
        case PHONE_TAKEN -> throw SignInNames.taken("phone_number");
        // A user deleted (alone or with their pool) while being changed: nothing was written, so the request runs
        // again and answers as it would have after the deletion, not with an answer no order of the two gives.
        case STALE ->
            current = store.findBySub(read.userPoolId(), read.sub()).orElseThrow(ParentGoneException::new);
      }
    }
    throw new IllegalStateException("user " + read.sub() + " changed under every one of " + MAX_ATTEMPTS + " attempts");
  }

  /** The user as stored now, after a lost race; a user gone with its pool is the pool's absence, as in find. */
  public static CognitoException doesNotExist() {
    return new CognitoException(CognitoErrorType.USER_NOT_FOUND, "User does not exist.");
  }

  /** LEGACY clients' answer for an unknown user in the code operations. */
  public static CognitoException comboNotFound() {
    return new CognitoException(CognitoErrorType.USER_NOT_FOUND, "Username/client id combination not found.");
  }
}
