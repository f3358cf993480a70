package dev.cognate;

import dev.cognate.domain.SentCode;
import dev.cognate.operation.AdminConfirmSignUpOperation;
import dev.cognate.operation.AdminDeleteUserOperation;
import dev.cognate.operation.AdminDisableUserOperation;
import dev.cognate.operation.AdminEnableUserOperation;
import dev.cognate.operation.AdminGetUserOperation;
import dev.cognate.operation.AdminInitiateAuthOperation;
import dev.cognate.operation.AdminUserGlobalSignOutOperation;
import dev.cognate.operation.ConfirmSignUpOperation;
import dev.cognate.operation.CreateUserPoolClientOperation;
import dev.cognate.operation.CreateUserPoolOperation;
import dev.cognate.operation.DeleteUserOperation;
import dev.cognate.operation.DeleteUserPoolClientOperation;
import dev.cognate.operation.DeleteUserPoolOperation;
import dev.cognate.operation.DescribeUserPoolClientOperation;
import dev.cognate.operation.DescribeUserPoolOperation;
import dev.cognate.operation.GetUserOperation;
import dev.cognate.operation.GlobalSignOutOperation;
import dev.cognate.operation.InitiateAuthOperation;
import dev.cognate.operation.ListUserPoolClientsOperation;
import dev.cognate.operation.ListUserPoolsOperation;
import dev.cognate.operation.ListUsersOperation;
import dev.cognate.operation.OperationRegistry;
import dev.cognate.operation.ResendConfirmationCodeOperation;
import dev.cognate.operation.RevokeTokenOperation;
import dev.cognate.operation.SignUpOperation;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.Accounts;
import dev.cognate.service.AuthFlows;
import dev.cognate.service.Authenticator;
import dev.cognate.service.CodeSender;
import dev.cognate.service.Directory;
import dev.cognate.service.Passwords;
import dev.cognate.service.SignUpConfirmation;
import dev.cognate.service.Users;
import dev.cognate.storage.ClientStore;
import dev.cognate.storage.OutboxStore;
import dev.cognate.storage.PoolStore;
import dev.cognate.storage.SessionStore;
import dev.cognate.storage.UserStore;
import dev.cognate.storage.jdbc.Database;
import dev.cognate.storage.jdbc.JdbcClientStore;
import dev.cognate.storage.jdbc.JdbcKeyStore;
import dev.cognate.storage.jdbc.JdbcOutboxStore;
import dev.cognate.storage.jdbc.JdbcPoolStore;
import dev.cognate.storage.jdbc.JdbcSessionStore;
import dev.cognate.storage.jdbc.JdbcUserStore;
import dev.cognate.token.AccessTokenVerifier;
import dev.cognate.token.SigningKeys;
import dev.cognate.token.TokenIssuer;
import dev.cognate.token.WellKnownDocuments;
import java.time.Clock;
import java.util.List;

/**
 * The emulator without its HTTP server: storage, services and every operation, wired once from the configuration.
 * This is the one place operations are registered.
 */
public final class Engine implements AutoCloseable {
  private final Database database;
  private final SigningKeys keys;
  private final OperationRegistry operations;
  private final WellKnownDocuments wellKnown;
  private final Outbox outbox;

  public Engine(CognateConfig config) {
    Clock clock = config.clock();
    this.database = Database.open(config.dataDir());
    PoolStore pools = new JdbcPoolStore(database);
    ClientStore clients = new JdbcClientStore(database);
    UserStore userStore = new JdbcUserStore(database);
    SessionStore sessions = new JdbcSessionStore(database);
    OutboxStore outboxStore = new JdbcOutboxStore(database);
    this.keys = new SigningKeys(new JdbcKeyStore(database));
    this.wellKnown = new WellKnownDocuments(pools, keys);
    this.outbox = outboxOf(outboxStore);

    Directory directory = new Directory(pools, clients);
    Users users = new Users(userStore, pools, database);
    Passwords passwords = new Passwords(config.bcryptCost());
    CodeSender codes = new CodeSender(outboxStore, config.fixedCode(), clock);
    SignUpConfirmation confirmation = new SignUpConfirmation(users, clock);
    Authenticator authenticator =
        new Authenticator(users, userStore, passwords, sessions, new TokenIssuer(keys), clock);
    AuthFlows flows = new AuthFlows(authenticator);
    AccessTokens accessTokens = new AccessTokens(new AccessTokenVerifier(keys), sessions, userStore, clock);
    Accounts accounts = new Accounts(users, userStore, sessions, database, clock);

    this.operations =
        new OperationRegistry(
            List.of(
                new CreateUserPoolOperation(pools, clock),
                new DescribeUserPoolOperation(directory, userStore),
                new ListUserPoolsOperation(pools),
                new DeleteUserPoolOperation(directory, pools, keys),
                new CreateUserPoolClientOperation(directory, clients, clock),
                new DescribeUserPoolClientOperation(directory),
                new ListUserPoolClientsOperation(directory, clients),
                new DeleteUserPoolClientOperation(directory, clients),
                new SignUpOperation(directory, userStore, passwords, codes, database, clock),
                new ConfirmSignUpOperation(directory, users, confirmation),
                new ResendConfirmationCodeOperation(directory, users, codes, clock),
                new AdminConfirmSignUpOperation(directory, users, confirmation),
                new AdminGetUserOperation(directory, users),
                new AdminDeleteUserOperation(directory, users, accounts),
                new ListUsersOperation(directory, userStore),
                new GetUserOperation(accessTokens),
                new AdminInitiateAuthOperation(directory, flows),
                new InitiateAuthOperation(directory, flows),
                new GlobalSignOutOperation(accessTokens, sessions),
                new RevokeTokenOperation(directory, sessions),
                new AdminDisableUserOperation(directory, users, accounts),
                new AdminEnableUserOperation(directory, users, accounts),
                new AdminUserGlobalSignOutOperation(directory, users, accounts),
                new DeleteUserOperation(accessTokens, accounts)));
  }

  private static Outbox outboxOf(OutboxStore store) {
    return new Outbox() {
      @Override
      public List<SentCode> codes(String userPoolId, String username) {
        return store.find(userPoolId, username);
      }

      @Override
      public List<SentCode> codes(String userPoolId) {
        return store.findAll(userPoolId);
      }
    };
  }

  /** Work worth doing before it is asked for, started once the emulator is up. */
  void prepareAhead() {
    keys.prepareAhead();
  }

  public OperationRegistry operations() {
    return operations;
  }

  public WellKnownDocuments wellKnown() {
    return wellKnown;
  }

  public Outbox outbox() {
    return outbox;
  }

  @Override
  public void close() {
    keys.close();
    database.close();
  }
}
