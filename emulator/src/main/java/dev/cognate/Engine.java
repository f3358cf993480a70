package dev.cognate;

import dev.cognate.operation.AdminSetUserMFAPreferenceOperation;
import dev.cognate.operation.AssociateSoftwareTokenOperation;
import dev.cognate.operation.GetUserPoolMfaConfigOperation;
import dev.cognate.operation.SetUserMFAPreferenceOperation;
import dev.cognate.operation.SetUserPoolMfaConfigOperation;
import dev.cognate.operation.VerifySoftwareTokenOperation;
import dev.cognate.service.CustomChallenge;
import dev.cognate.service.EmailOtpChallenge;
import dev.cognate.trigger.TriggerCalls;
import dev.cognate.service.MfaPreferences;
import dev.cognate.service.MfaSetupChallenge;
import dev.cognate.service.MfaStep;
import dev.cognate.service.SelectMfaTypeChallenge;
import dev.cognate.service.SmsMfaChallenge;
import dev.cognate.service.SoftwareTokenMfaChallenge;
import dev.cognate.service.SoftwareTokens;
import dev.cognate.operation.AddCustomAttributesOperation;
import dev.cognate.operation.AdminResetUserPasswordOperation;
import dev.cognate.operation.AdminSetUserPasswordOperation;
import dev.cognate.operation.ChangePasswordOperation;
import dev.cognate.operation.ConfirmForgotPasswordOperation;
import dev.cognate.operation.ForgotPasswordOperation;
import dev.cognate.service.PasswordChanges;
import dev.cognate.service.PasswordResets;
import dev.cognate.operation.AdminAddUserToGroupOperation;
import dev.cognate.operation.AdminListGroupsForUserOperation;
import dev.cognate.operation.AdminRemoveUserFromGroupOperation;
import dev.cognate.operation.CreateGroupOperation;
import dev.cognate.operation.DeleteGroupOperation;
import dev.cognate.operation.GetGroupOperation;
import dev.cognate.operation.ListGroupsOperation;
import dev.cognate.operation.ListUsersInGroupOperation;
import dev.cognate.operation.UpdateGroupOperation;
import dev.cognate.service.Groups;
import dev.cognate.storage.GroupStore;
import dev.cognate.storage.jdbc.JdbcGroupStore;
import dev.cognate.operation.AdminCreateUserOperation;
import dev.cognate.operation.AdminRespondToAuthChallengeOperation;
import dev.cognate.operation.RespondToAuthChallengeOperation;
import dev.cognate.service.AfterPassword;
import dev.cognate.service.ChallengeSessions;
import dev.cognate.service.Challenges;
import dev.cognate.service.Invitations;
import dev.cognate.service.NewPasswordChallenge;
import dev.cognate.service.PasswordVerifierChallenge;
import dev.cognate.service.NewSessions;
import dev.cognate.service.NewUsers;
import dev.cognate.storage.jdbc.JdbcChallengeStore;
import dev.cognate.operation.AdminDeleteUserAttributesOperation;
import dev.cognate.operation.AdminUpdateUserAttributesOperation;
import dev.cognate.operation.DeleteUserAttributesOperation;
import dev.cognate.operation.GetUserAttributeVerificationCodeOperation;
import dev.cognate.operation.UpdateUserAttributesOperation;
import dev.cognate.operation.VerifyUserAttributeOperation;
import dev.cognate.service.UserAttributes;
import dev.cognate.domain.SentCode;
import dev.cognate.operation.AdminConfirmSignUpOperation;
import dev.cognate.operation.AdminDeleteUserOperation;
import dev.cognate.operation.AdminDisableUserOperation;
import dev.cognate.operation.AdminEnableUserOperation;
import dev.cognate.operation.AdminGetUserOperation;
import dev.cognate.operation.AdminInitiateAuthOperation;
import dev.cognate.operation.AdminUserGlobalSignOutOperation;
import dev.cognate.operation.ConfirmSignUpOperation;
import dev.cognate.operation.CreateIdentityProviderOperation;
import dev.cognate.operation.CreateResourceServerOperation;
import dev.cognate.operation.CreateUserPoolClientOperation;
import dev.cognate.operation.CreateUserPoolDomainOperation;
import dev.cognate.operation.CreateUserPoolOperation;
import dev.cognate.operation.DeleteIdentityProviderOperation;
import dev.cognate.operation.DeleteResourceServerOperation;
import dev.cognate.operation.DeleteUserOperation;
import dev.cognate.operation.DeleteUserPoolClientOperation;
import dev.cognate.operation.DeleteUserPoolDomainOperation;
import dev.cognate.operation.DeleteUserPoolOperation;
import dev.cognate.operation.DescribeIdentityProviderOperation;
import dev.cognate.operation.DescribeResourceServerOperation;
import dev.cognate.operation.DescribeUserPoolClientOperation;
import dev.cognate.operation.DescribeUserPoolDomainOperation;
import dev.cognate.operation.DescribeUserPoolOperation;
import dev.cognate.operation.GetIdentityProviderByIdentifierOperation;
import dev.cognate.operation.GetUserOperation;
import dev.cognate.operation.GlobalSignOutOperation;
import dev.cognate.operation.InitiateAuthOperation;
import dev.cognate.operation.ListIdentityProvidersOperation;
import dev.cognate.operation.ListResourceServersOperation;
import dev.cognate.operation.ListUserPoolClientsOperation;
import dev.cognate.operation.ListUserPoolsOperation;
import dev.cognate.operation.ListUsersOperation;
import dev.cognate.operation.OperationRegistry;
import dev.cognate.provision.Provisioned;
import dev.cognate.provision.Provisioning;
import dev.cognate.operation.ResendConfirmationCodeOperation;
import dev.cognate.operation.RevokeTokenOperation;
import dev.cognate.operation.SignUpOperation;
import dev.cognate.operation.UpdateIdentityProviderOperation;
import dev.cognate.operation.UpdateResourceServerOperation;
import dev.cognate.operation.UpdateUserPoolClientOperation;
import dev.cognate.operation.UpdateUserPoolDomainOperation;
import dev.cognate.operation.UpdateUserPoolOperation;
import dev.cognate.service.AccessTokens;
import dev.cognate.service.Accounts;
import dev.cognate.service.AuthFlows;
import dev.cognate.service.ChoiceSignIn;
import dev.cognate.service.PasswordChallenge;
import dev.cognate.service.PasswordSrpChallenge;
import dev.cognate.service.SelectChallenge;
import dev.cognate.service.Authenticator;
import dev.cognate.service.ClientOAuthReferences;
import dev.cognate.service.ClientSettings;
import dev.cognate.service.CodeCheck;
import dev.cognate.service.CodeSender;
import dev.cognate.service.Directory;
import dev.cognate.service.IdentityProviders;
import dev.cognate.service.Passwords;
import dev.cognate.service.ResourceServers;
import dev.cognate.service.SignInLockout;
import dev.cognate.service.SignUpConfirmation;
import dev.cognate.service.SignUpTriggers;
import dev.cognate.service.UserPoolDomains;
import dev.cognate.service.Users;
import dev.cognate.storage.ClientStore;
import dev.cognate.storage.IdentityProviderStore;
import dev.cognate.storage.OutboxStore;
import dev.cognate.storage.PoolStore;
import dev.cognate.storage.ResourceServerStore;
import dev.cognate.storage.SessionStore;
import dev.cognate.storage.UserStore;
import dev.cognate.storage.jdbc.Database;
import dev.cognate.storage.jdbc.JdbcClientStore;
import dev.cognate.storage.jdbc.JdbcCodeAttemptStore;
import dev.cognate.storage.jdbc.JdbcDomainStore;
import dev.cognate.storage.DeadlockVictimException;
import dev.cognate.storage.DomainStore;
import dev.cognate.storage.StateStore.Snapshot;
import dev.cognate.state.ReadBack;
import dev.cognate.storage.jdbc.JdbcIdentityProviderStore;
import dev.cognate.storage.jdbc.JdbcKeyStore;
import dev.cognate.storage.jdbc.JdbcOutboxStore;
import dev.cognate.storage.jdbc.JdbcPoolStore;
import dev.cognate.storage.jdbc.JdbcResourceServerStore;
import dev.cognate.storage.jdbc.JdbcSessionStore;
import dev.cognate.storage.jdbc.JdbcUserStore;
import dev.cognate.token.AccessTokenVerifier;
import dev.cognate.token.SigningKeys;
import dev.cognate.token.PreTokenGeneration;
import dev.cognate.token.TokenIssuer;
import dev.cognate.token.WellKnownDocuments;
import dev.cognate.random.Randomness;
import dev.cognate.state.StateJson;
import dev.cognate.storage.StateStore;
import dev.cognate.storage.jdbc.JdbcStateStore;
import java.security.SecureRandom;
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
  private final TotpCodes totpCodes;
  private final Provisioning provisioning;
  private volatile Provisioned provisioned;
  private final EmulatorClock clock;
  private final StateStore stateStore;
  private final Passwords passwords;
  private final ReadBack readBack;
  // Whole-state changes (provisioning, reset, import) run one at a time: two imports at once would each delete the
  // rows they see and then insert the same ones, and one would be refused for clashing with the other's, as if its
  // document were at fault.
  private final Object wholeState = new Object();

  public Engine(CognateConfig config) {
    this.clock = new EmulatorClock(config.clock());
    Clock clock = this.clock;
    SecureRandom random = Randomness.of(config.randomSeed());
    this.database = Database.open(config.dataDir());
    PoolStore pools = new JdbcPoolStore(database);
    ClientStore clients = new JdbcClientStore(database);
    UserStore userStore = new JdbcUserStore(database);
    SessionStore sessions = new JdbcSessionStore(database);
    OutboxStore outboxStore = new JdbcOutboxStore(database);
    GroupStore groupStore = new JdbcGroupStore(database);
    this.keys = new SigningKeys(new JdbcKeyStore(database));
    this.wellKnown = new WellKnownDocuments(pools, keys);
    this.outbox = outboxOf(outboxStore);

    Directory directory = new Directory(pools, clients);
    Users users = new Users(userStore, pools, database);
    Passwords passwords = new Passwords(config.bcryptCost(), random);
    this.passwords = passwords;
    this.stateStore = new JdbcStateStore(database);
    CodeSender codes = new CodeSender(outboxStore, config.fixedCode(), config.limits(), clock, random);
    JdbcCodeAttemptStore attempts = new JdbcCodeAttemptStore(database);
    CodeCheck codeCheck = new CodeCheck(users, attempts, config.limits(), clock);
    TriggerCalls triggers = new TriggerCalls(config.triggers());
    SignUpTriggers signUpTriggers = new SignUpTriggers(triggers);
    SignUpConfirmation confirmation = new SignUpConfirmation(users, codeCheck, clock, signUpTriggers);
    TokenIssuer tokenIssuer = new TokenIssuer(keys, groupStore, new PreTokenGeneration(triggers), random);
    ChallengeSessions challengeSessions = new ChallengeSessions(
            new JdbcChallengeStore(database), config.limits().wrongCodesPerCode(), clock, random);
    MfaStep mfaStep = new MfaStep(challengeSessions, codes);
    AfterPassword afterPassword =
        new AfterPassword(
            challengeSessions, new NewSessions(sessions, tokenIssuer, clock, random), userStore, mfaStep, clock);
    SignInLockout lockout = new SignInLockout(users, config.limits(), clock);
    Authenticator authenticator =
        new Authenticator(users, userStore, passwords, sessions, tokenIssuer, clock, afterPassword, lockout);
    PasswordVerifierChallenge passwordVerifier =
        new PasswordVerifierChallenge(users, challengeSessions, lockout, afterPassword, random);
    ChoiceSignIn choiceSignIn = new ChoiceSignIn(users, authenticator, passwordVerifier, mfaStep, challengeSessions);
    CustomChallenge customChallenge = new CustomChallenge(users, challengeSessions, afterPassword, triggers);
    AuthFlows flows = new AuthFlows(authenticator, passwordVerifier, choiceSignIn, customChallenge);
    // The one place challenges are registered: one handler per challenge name.
    Challenges challenges =
        new Challenges(
            challengeSessions,
            users,
            userStore,
            List.of(
                new NewPasswordChallenge(users, passwords, challengeSessions, afterPassword, clock),
                passwordVerifier,
                new SoftwareTokenMfaChallenge(challengeSessions, afterPassword, clock),
                new SmsMfaChallenge(challengeSessions, afterPassword),
                new EmailOtpChallenge(challengeSessions, afterPassword),
                new SelectMfaTypeChallenge(challengeSessions, mfaStep),
                new MfaSetupChallenge(challengeSessions, afterPassword),
                new SelectChallenge(challengeSessions, choiceSignIn),
                new PasswordChallenge(challengeSessions, authenticator),
                new PasswordSrpChallenge(challengeSessions, passwordVerifier),
                customChallenge));
    NewUsers newUsers = new NewUsers(userStore, database, random);
    DomainStore domainStore = new JdbcDomainStore(database);
    UserPoolDomains domains = new UserPoolDomains(domainStore, clock);
    ResourceServerStore serverStore = new JdbcResourceServerStore(database);
    ResourceServers servers = new ResourceServers(serverStore);
    IdentityProviderStore providerStore = new JdbcIdentityProviderStore(database);
    IdentityProviders providers = new IdentityProviders(providerStore, clock);
    Groups groups = new Groups(groupStore, users, userStore, pools, clock);
    AccessTokens accessTokens = new AccessTokens(new AccessTokenVerifier(keys), sessions, userStore, clock);
    Accounts accounts = new Accounts(users, userStore, sessions, database, clock);
    PasswordResets resets = new PasswordResets(users, passwords, codes, codeCheck, clock);
    PasswordChanges passwordChanges = new PasswordChanges(users, passwords, attempts, clock);
    UserAttributes userAttributes = new UserAttributes(users, codes, codeCheck, clock);
    this.readBack = new ReadBack(pools, clients, userStore, groupStore, domainStore, serverStore, providerStore, keys);
    ClientSettings clientSettings = new ClientSettings(new ClientOAuthReferences(providers, serverStore));
    SoftwareTokens softwareTokens = new SoftwareTokens(users, userStore, challengeSessions, directory, clock, random);
    MfaPreferences mfaPreferences = new MfaPreferences(users);
    this.totpCodes = softwareTokens::currentCode;

    this.operations =
        new OperationRegistry(
            List.of(
                new CreateUserPoolOperation(pools, keys, clock, random),
                new AddCustomAttributesOperation(pools, clock),
                new DescribeUserPoolOperation(directory, userStore, domains),
                new UpdateUserPoolOperation(pools, clock),
                new ListUserPoolsOperation(pools),
                new DeleteUserPoolOperation(directory, pools, keys),
                new CreateUserPoolClientOperation(directory, clients, clientSettings, clock, random),
                new DescribeUserPoolClientOperation(directory),
                new UpdateUserPoolClientOperation(directory, clients, clientSettings, clock),
                new ListUserPoolClientsOperation(directory, clients),
                new DeleteUserPoolClientOperation(directory, clients),
                new SignUpOperation(directory, newUsers, passwords, codes, clock, signUpTriggers),
                new ConfirmSignUpOperation(directory, users, confirmation),
                new ResendConfirmationCodeOperation(directory, users, codes, clock),
                new AdminConfirmSignUpOperation(directory, users, confirmation),
                new AdminGetUserOperation(directory, users),
                new AdminDeleteUserOperation(directory, users, accounts),
                new ListUsersOperation(directory, userStore),
                new GetUserOperation(accessTokens, directory),
                new AdminInitiateAuthOperation(directory, flows),
                new InitiateAuthOperation(directory, flows),
                new AdminCreateUserOperation(
                    directory, new Invitations(users, newUsers, passwords, codes, clock, random)),
                new RespondToAuthChallengeOperation(directory, challenges),
                new AdminRespondToAuthChallengeOperation(directory, challenges),
                new GlobalSignOutOperation(accessTokens, sessions),
                new RevokeTokenOperation(directory, sessions),
                new CreateUserPoolDomainOperation(directory, domains),
                new DescribeUserPoolDomainOperation(domains),
                new UpdateUserPoolDomainOperation(directory, domains),
                new DeleteUserPoolDomainOperation(directory, domains),
                new CreateResourceServerOperation(directory, servers),
                new DescribeResourceServerOperation(directory, servers),
                new ListResourceServersOperation(directory, serverStore),
                new UpdateResourceServerOperation(directory, servers),
                new DeleteResourceServerOperation(directory, servers),
                new CreateIdentityProviderOperation(directory, providers),
                new DescribeIdentityProviderOperation(directory, providers),
                new ListIdentityProvidersOperation(directory, providerStore),
                new UpdateIdentityProviderOperation(directory, providers),
                new DeleteIdentityProviderOperation(directory, providers),
                new GetIdentityProviderByIdentifierOperation(directory, providers),
                new CreateGroupOperation(directory, groups),
                new GetGroupOperation(directory, groups),
                new ListGroupsOperation(directory, groups),
                new UpdateGroupOperation(directory, groups),
                new DeleteGroupOperation(directory, groups),
                new AdminAddUserToGroupOperation(directory, groups),
                new AdminRemoveUserFromGroupOperation(directory, groups),
                new AdminListGroupsForUserOperation(directory, groups),
                new ListUsersInGroupOperation(directory, groups),
                new AdminDisableUserOperation(directory, users, accounts),
                new AdminEnableUserOperation(directory, users, accounts),
                new AdminUserGlobalSignOutOperation(directory, users, accounts),
                new DeleteUserOperation(accessTokens, accounts),
                new ForgotPasswordOperation(directory, users, resets),
                new ConfirmForgotPasswordOperation(directory, users, resets),
                new ChangePasswordOperation(accessTokens, directory, passwordChanges),
                new AdminSetUserPasswordOperation(directory, users, passwordChanges),
                new AdminResetUserPasswordOperation(directory, users, resets),
                new AdminUpdateUserAttributesOperation(directory, users, userAttributes),
                new UpdateUserAttributesOperation(accessTokens, directory, userAttributes),
                new GetUserAttributeVerificationCodeOperation(accessTokens, directory, userAttributes),
                new VerifyUserAttributeOperation(accessTokens, directory, userAttributes),
                new AdminDeleteUserAttributesOperation(directory, users, userAttributes),
                new DeleteUserAttributesOperation(accessTokens, directory, userAttributes),
                new SetUserPoolMfaConfigOperation(pools, clock),
                new GetUserPoolMfaConfigOperation(directory),
                new AssociateSoftwareTokenOperation(accessTokens, softwareTokens),
                new VerifySoftwareTokenOperation(accessTokens, softwareTokens),
                new SetUserMFAPreferenceOperation(accessTokens, mfaPreferences),
                new AdminSetUserMFAPreferenceOperation(directory, users, mfaPreferences)));
    this.provisioning = new Provisioning(config, operations);
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

  public OperationRegistry operations() {
    return operations;
  }

  public WellKnownDocuments wellKnown() {
    return wellKnown;
  }

  public Outbox outbox() {
    return outbox;
  }

  public TotpCodes totpCodes() {
    return totpCodes;
  }

  /**
   * Creates what the configured templates and seed files describe and is missing, and remembers what they name; safe
   * to run again. Provisioning, resets and imports take turns: provisioning checks what exists before creating it, so
   * two at once would both create the same pool, or one would wipe or replace what the other is filling.
   */
  public Provisioned provision() {
    synchronized (wholeState) {
      provisioned = provisioning.provision();
      return provisioned;
    }
  }

  /** What the templates and seed files named at the last {@link #provision()}. */
  public Provisioned provisioned() {
    return provisioned;
  }

  /** The time every expiry and date of this emulator follows, which tests move. */
  public EmulatorClock clock() {
    return clock;
  }

  /**
   * Every pool and everything in it removed in one transaction, with what memory holds of them (signing keys,
   * passwords found right); then, unless {@code to} is {@link ResetTo#EMPTY}, what the templates and seed files
   * describe is created again, with the same ids. The schema and the clock stay as they are.
   */
  public void reset(ResetTo to) {
    synchronized (wholeState) {
      retryingDeadlocks(stateStore::wipe);
      forgetInMemory();
      if (to == ResetTo.PROVISIONED) {
        provision();
      }
    }
  }

  /**
   * One pool removed as {@link #reset(ResetTo)} removes them all; then, unless {@code to} is {@link ResetTo#EMPTY},
   * whatever the templates and seed files describe and is missing is created again, so a template's pool comes back
   * as the template and seeds have it. False when there was no such pool.
   */
  public boolean reset(String userPoolId, ResetTo to) {
    synchronized (wholeState) {
      boolean existed = stateStore.wipe(userPoolId);
      keys.forget(userPoolId);
      passwords.forgetVerified();
      if (to == ResetTo.PROVISIONED) {
        provision();
      }
      return existed;
    }
  }

  /** The whole state as JSON ({@link StateJson}); signing keys only when {@code withKeys}. */
  public String exportState(boolean withKeys) {
    return StateJson.write(stateStore.export(withKeys), withKeys);
  }

  /**
   * Replaces the whole state by an export, in one transaction. Pools whose keys the export lacks get new ones when
   * they next sign. A document that is not an export, does not fit, or holds a pool, client, user, group, domain,
   * resource server, identity provider or signing key the emulator cannot read back is refused with an
   * {@link IllegalArgumentException} saying why, and nothing changes.
   */
  public void importState(String json) {
    Snapshot snapshot = StateJson.read(json);
    synchronized (wholeState) {
      retryingDeadlocks(
          () -> database.inOne(
              () -> {
                stateStore.replace(snapshot);
                readBack.check(snapshot);
                return null;
              }));
      forgetInMemory();
    }
  }

  /**
   * Runs a change of the whole state again when the database rolled it back to break a deadlock with a request
   * writing meanwhile (which itself runs again, see {@link OperationRegistry#run}), after a short pause.
   */
  private static void retryingDeadlocks(Runnable change) {
    for (int attempt = 1; ; attempt++) {
      try {
        change.run();
        return;
      } catch (DeadlockVictimException e) {
        if (attempt == 3) {
          throw e;
        }
        try {
          Thread.sleep(10L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private void forgetInMemory() {
    keys.forgetAll();
    passwords.forgetVerified();
  }

  @Override
  public void close() {
    database.close();
  }
}
