package dev.cognate;

import dev.cognate.protocol.HttpServer;
import java.net.URI;

/**
 * A running emulator: Cognito's user-pool API on a local port, backed by H2. The standalone jar, the JUnit
 * extension and embedding code all start it here, from a {@link CognateConfig}.
 *
 * <pre>{@code
 * try (Cognate cognate = Cognate.start(CognateConfig.forTests().build())) {
 *   CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
 *       .endpointOverride(cognate.endpoint()) ... .build();
 * }
 * }</pre>
 */
public final class Cognate implements AutoCloseable {
  private final CognateConfig config;
  private final Engine engine;
  private final HttpServer server;

  private Cognate(CognateConfig config, Engine engine, HttpServer server) {
    this.config = config;
    this.engine = engine;
    this.server = server;
  }

  /** Opens the database and starts listening; returns once requests are being accepted. */
  public static Cognate start(CognateConfig config) {
    Engine engine = new Engine(config);
    try {
      return new Cognate(config, engine, HttpServer.start(engine, config));
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** The port actually bound, also when the configuration asked for port 0. */
  public int port() {
    return server.port();
  }

  /** The URL to give the AWS SDK as endpoint override, such as {@code http://127.0.0.1:9229}. */
  public URI endpoint() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    if (host.equals("0.0.0.0") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    return URI.create("http://" + host + ":" + port());
  }

  /** The codes this emulator has "sent". */
  public Outbox outbox() {
    return engine.outbox();
  }

  /**
   * The code {@code username}'s authenticator app would show now (from the secret VerifySoftwareToken registered, or
   * the pending one AssociateSoftwareToken gave while none is registered), to answer SOFTWARE_TOKEN_MFA in tests.
   *
   * @throws IllegalStateException when the user has no authenticator secret
   */
  public String totp(String userPoolId, String username) {
    return engine
        .totpCodes()
        .current(userPoolId, username)
        .orElseThrow(
            () -> new IllegalStateException(username + " in " + userPoolId + " has no authenticator secret"));
  }

  public CognateConfig config() {
    return config;
  }

  /** Stops listening and closes the database; acknowledged writes are already on disk. */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      engine.close();
    }
  }

  /**
   * This emulator's time, to move forward ({@code clock().advance(Duration.ofHours(1))}) or set, so that codes,
   * temporary passwords, challenge sessions and tokens expire without waiting.
   */
  public EmulatorClock clock() {
    return engine.clock();
  }

  /**
   * Removes every pool, user and everything else stored, in one transaction, and what memory holds of them (signing
   * keys); the emulator is as new, with the same settings. The clock stays where it was moved.
   */
  public void reset() {
    engine.reset();
  }

  /** Removes one pool and everything in it; false when there is no such pool. */
  public boolean reset(String userPoolId) {
    return engine.reset(userPoolId);
  }

  /** The whole state (pools, clients, users, groups, ...) as JSON, without signing keys. */
  public String exportState() {
    return engine.exportState(false);
  }

  /** The whole state as JSON; with {@code withKeys}, each pool's private signing keys too. */
  public String exportState(boolean withKeys) {
    return engine.exportState(withKeys);
  }

  /**
   * Replaces the whole state by one {@link #exportState} gave, in one transaction.
   *
   * @throws IllegalArgumentException when {@code json} is not such an export; nothing is changed then
   */
  public void importState(String json) {
    engine.importState(json);
  }
}
