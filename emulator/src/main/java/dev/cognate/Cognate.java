package dev.cognate;

import dev.cognate.protocol.HttpServer;
import dev.cognate.provision.EnvFile;
import dev.cognate.provision.Provisioned;
import dev.cognate.provision.ProvisionedResource;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

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

  /**
   * Opens the database, provisions the configured templates and seed files, and starts listening; returns once
   * requests are being accepted. A template or seed Cognito refuses stops it with a {@link
   * dev.cognate.provision.ProvisioningException} whose one-line message names the file and resource.
   */
  public static Cognate start(CognateConfig config) {
    config.envFile().ifPresent(EnvFile::removeEarlier);
    Engine engine = new Engine(config);
    try {
      Provisioned provisioned = engine.provision();
      Cognate cognate = new Cognate(config, engine, HttpServer.start(engine, config));
      config.envFile().ifPresent(file -> cognate.writeEnvFile(file, provisioned));
      return cognate;
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  private void writeEnvFile(Path file, Provisioned provisioned) {
    try {
      EnvFile.write(file, provisioned, config.region(), endpoint());
    } catch (RuntimeException e) {
      server.close();
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

  /** What the templates and seed files provisioned at start (or at the last {@link #provision()} or reset). */
  public Provisioned provisioned() {
    return engine.provisioned();
  }

  /** The templates' resources: logical id to physical id, such as {@code UserPool -> us-east-1_AbC123xyZ}. */
  public Map<String, String> resources() {
    return provisioned().ids();
  }

  /**
   * The physical id of the template resource with this logical id: a pool id, a client id, a group name.
   *
   * @throws IllegalArgumentException when no template declares it
   */
  public String resource(String logicalId) {
    return provisioned()
        .find(logicalId)
        .map(ProvisionedResource::physicalId)
        .orElseThrow(() -> new IllegalArgumentException("no template resource " + logicalId + "; there are " + resources().keySet()));
  }

  /** Provisions the templates and seed files again, creating what is missing (for instance after a reset). */
  public Provisioned provision() {
    return engine.provision();
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
   * Back to what the templates and seed files describe, with the same ids, or to empty when there are none: every
   * pool, user and everything else stored is removed in one transaction, with what memory holds of them (signing
   * keys), and the templates and seeds are provisioned again. The clock stays where it was moved.
   */
  public void reset() {
    engine.reset(ResetTo.PROVISIONED);
  }

  /** Removes every pool and everything in it, templates' pools too, as if the emulator had just started without any. */
  public void resetToEmpty() {
    engine.reset(ResetTo.EMPTY);
  }

  /**
   * Removes one pool and everything in it; a template's pool is then created again as its template and seeds describe
   * it, with the same id. False when there was no such pool.
   */
  public boolean reset(String userPoolId) {
    return engine.reset(userPoolId, ResetTo.PROVISIONED);
  }

  /** Removes one pool and everything in it, and does not create it again; false when there was no such pool. */
  public boolean resetToEmpty(String userPoolId) {
    return engine.reset(userPoolId, ResetTo.EMPTY);
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
