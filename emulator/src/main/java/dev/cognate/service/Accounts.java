package dev.cognate.service;

import dev.cognate.domain.User;
import dev.cognate.storage.SessionStore;
import dev.cognate.storage.Transactions;
import dev.cognate.storage.UserStore;
import java.time.Clock;

/** Whether a user may sign in at all, signing a user out everywhere, and deleting a user. */
public final class Accounts {
  private final Users users;
  private final UserStore store;
  private final SessionStore sessions;
  private final Transactions transactions;
  private final Clock clock;

  public Accounts(Users users, UserStore store, SessionStore sessions, Transactions transactions, Clock clock) {
    this.users = users;
    this.store = store;
    this.sessions = sessions;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Turns sign-in off and revokes the user's sessions with it, as Cognito revokes a disabled user's tokens. Written
   * through the user's version, a sign-in decided while the user was still enabled cannot begin a session after.
   */
  public void disable(User user) {
    users.change(
        user,
        current -> new Users.Decision<Void>(current.withEnabled(false, clock.instant()), null),
        (disabled, none) -> sessions.revokeAll(disabled.userPoolId(), disabled.sub()));
  }

  /** Turns sign-in on again; sessions revoked when the user was disabled stay revoked. */
  public void enable(User user) {
    users.change(user, current -> current.withEnabled(true, clock.instant()));
  }

  /** Revokes every sign-in session of the user, and with them their tokens. */
  public void signOutEverywhere(User user) {
    sessions.revokeAll(user.userPoolId(), user.sub());
  }

  /**
   * The user goes, and so do their sign-in sessions. Deleting first takes the user's row, so a sign-in still under
   * way either finishes first and has its session revoked here, or finds the user gone.
   */
  public void delete(User user) {
    transactions.inOne(
        () -> {
          store.delete(user.userPoolId(), user.sub());
          sessions.revokeAll(user.userPoolId(), user.sub());
          return null;
        });
  }
}
