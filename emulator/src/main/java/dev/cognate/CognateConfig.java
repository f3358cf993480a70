package dev.cognate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that configures one emulator, built once. The CLI, the environment and embedding code all produce
 * this same object through {@link Builder}; nothing changes it after start.
 *
 * @param host address to bind; loopback unless asked otherwise
 * @param port port to bind; 0 picks a free one (read it back from {@link Cognate#port()})
 * @param dataDir folder of the H2 file database, or empty for an in-memory database
 * @param region AWS region that pool ids, ARNs and AWS-shaped issuers carry
 * @param accountId account id that ARNs carry
 * @param fixedCode when present, every confirmation code is this value instead of six random digits
 * @param issuer when present, the base of every token's {@code iss}; otherwise the URL the client used
 * @param bcryptCost bcrypt cost factor for stored passwords (4 to 31)
 * @param clock source of time for codes and tokens
 * @param devApi whether the {@code /_cognate} routes that reveal codes or change state answer; health always does
 */
public record CognateConfig(
    String host,
    int port,
    Optional<Path> dataDir,
    String region,
    String accountId,
    Optional<String> fixedCode,
    Optional<String> issuer,
    int bcryptCost,
    Clock clock,
    boolean devApi) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9229;
  public static final Path DEFAULT_DATA_DIR = Path.of(".cognate");
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";
  /** Cost 4 hashes in about a millisecond: right for a test tool, where nobody attacks the hashes. */
  public static final int DEFAULT_BCRYPT_COST = 4;

  public CognateConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(fixedCode, "fixedCode");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (bcryptCost < 4 || bcryptCost > 31) {
      throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, was " + bcryptCost);
    }
    if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw new IllegalArgumentException("region must look like us-east-1, was " + region);
    }
    if (!accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("account id must be 12 digits, was " + accountId);
    }
    fixedCode.ifPresent(
        code -> {
          if (!code.matches("\\d{6}")) {
            throw new IllegalArgumentException("code must be six digits, was " + code);
          }
        });
    issuer.ifPresent(
        base -> {
          if (!base.matches("https?://[^\\s/]+(/[^\\s]*)?") || base.endsWith("/")) {
            throw new IllegalArgumentException(
                "issuer must be an http(s) URL without a trailing slash, was " + base);
          }
        });
  }

  /** A builder holding the defaults: 127.0.0.1:9229, file database in ./.cognate, us-east-1, bcrypt cost 4. */
  public static Builder builder() {
    return new Builder();
  }

  /** Defaults for tests: a free port and an in-memory database. */
  public static Builder forTests() {
    return builder().port(0).inMemory();
  }

  public boolean inMemory() {
    return dataDir.isEmpty();
  }

  /** Mutable only while building; {@link #build()} validates and freezes the values. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Path dataDir = DEFAULT_DATA_DIR;
    private String region = DEFAULT_REGION;
    private String accountId = DEFAULT_ACCOUNT_ID;
    private String fixedCode;
    private String issuer;
    private int bcryptCost = DEFAULT_BCRYPT_COST;
    private Clock clock = Clock.systemUTC();
    private boolean devApi = true;

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    public Builder inMemory() {
      this.dataDir = null;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    public Builder fixedCode(String code) {
      this.fixedCode = code;
      return this;
    }

    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    public Builder bcryptCost(int cost) {
      this.bcryptCost = cost;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Turns the code-revealing {@code /_cognate} routes on (the default) or off. */
    public Builder devApi(boolean devApi) {
      this.devApi = devApi;
      return this;
    }

    public CognateConfig build() {
      return new CognateConfig(
          host,
          port,
          Optional.ofNullable(dataDir),
          region,
          accountId,
          Optional.ofNullable(fixedCode),
          Optional.ofNullable(issuer),
          bcryptCost,
          clock,
          devApi);
    }
  }
}
