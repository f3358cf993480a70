package dev.cognate;

import dev.cognate.provision.Location;
import dev.cognate.provision.TemplateSource;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Everything that configures one emulator, built once. The CLI, the environment and embedding code all produce
 * this same object through {@link Builder}; nothing changes it after start.
 *
 * @param host address to bind; loopback unless asked otherwise
 * @param port port to bind; 0 picks a free one (read it back from {@link Cognate#port()})
 * @param dataDir folder of the H2 file database, or empty for an in-memory database
 * @param region AWS region of pool ids and ARNs when a request names none; a signed request acts in the region of
 *     its SigV4 credential scope, as on AWS
 * @param accountId account id of ARNs, unless a request is signed with a 12-digit access key id, which names the
 *     account instead
 * @param fixedCode when present, every confirmation code is this value instead of six random digits
 * @param issuer when present, the base of every token's {@code iss}; otherwise the URL the client used
 * @param bcryptCost bcrypt cost factor for stored passwords (4 to 31)
 * @param clock source of time for codes, tokens and signature dates
 * @param credentials secret access keys by access key id; when any are set, SigV4 signatures are verified on every
 *     operation AWS signs (strict mode), otherwise any signature and none are accepted
 * @param devApi whether the {@code /_cognate} routes that reveal codes or change state answer; health always does
 * @param limits lock-outs after wrong passwords and limits on codes; Cognito's unless set
 * @param triggers Lambda triggers run in-process, per pool or for every pool; none unless set
 * @param templates CloudFormation, SAM or Serverless Framework files whose Cognito resources are provisioned at
 *     start, in order
 * @param seeds files of users created at start, after the templates
 * @param envFile where to write {@code KEY=value} lines naming what was provisioned, if anywhere
 * @param randomSeed when present, every generated id, secret and code comes from a generator seeded with it, so the
 *     same requests made one after another give the same values on every run; the platform's secure random
 *     otherwise. RSA signing keys stay random.
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
    Map<String, String> credentials,
    boolean devApi,
    Limits limits,
    Triggers triggers,
    List<TemplateSource> templates,
    List<Location> seeds,
    Optional<Path> envFile,
    OptionalLong randomSeed) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9229;
  public static final Path DEFAULT_DATA_DIR = Path.of(".cognate");
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "000000000000";
  /** What a region name looks like: {@code us-east-1}, {@code us-gov-west-1}. */
  public static final String REGION_PATTERN = "[a-z]{2}(-[a-z]+)+-\\d";
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
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(triggers, "triggers");
    templates = List.copyOf(Objects.requireNonNull(templates, "templates"));
    seeds = List.copyOf(Objects.requireNonNull(seeds, "seeds"));
    Objects.requireNonNull(envFile, "envFile");
    Objects.requireNonNull(randomSeed, "randomSeed");
    credentials = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(credentials, "credentials")));
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
    }
    if (bcryptCost < 4 || bcryptCost > 31) {
      throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, was " + bcryptCost);
    }
    if (limits.lockoutCap().compareTo(limits.lockoutBase()) < 0) {
      throw new IllegalArgumentException(
          "lock-out cap (" + limits.lockoutCap() + ") must be at least the lock-out base (" + limits.lockoutBase() + ")");
    }
    if (!region.matches(REGION_PATTERN)) {
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
    credentials.forEach(
        (accessKeyId, secret) -> {
          // The access key id sits between slashes in the SigV4 credential scope and before ':' on the command line.
          if (!accessKeyId.matches("[A-Za-z0-9_.\\-]{1,128}")) {
            throw new IllegalArgumentException(
                "access key id must be 1 to 128 letters, digits, '_', '.' or '-', was " + accessKeyId);
          }
          if (secret.isEmpty() || !secret.matches("[^\\s,]+")) {
            throw new IllegalArgumentException(
                "secret access key of " + accessKeyId + " must be non-empty, without spaces or commas");
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

  /** Whether SigV4 signatures are verified: true once any {@link #credentials()} are configured. */
  public boolean strictSignatures() {
    return !credentials.isEmpty();
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
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private boolean devApi = true;
    private Limits limits = Limits.cognito();
    private final Map<String, Map<TriggerKind, Trigger>> triggersByPool = new LinkedHashMap<>();
    private final Map<TriggerKind, Trigger> triggersForAllPools = new EnumMap<>(TriggerKind.class);
    private final List<TemplateSource> templates = new ArrayList<>();
    private final List<Location> seeds = new ArrayList<>();
    private Path envFile;
    private Long randomSeed;

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

    /**
     * Adds a key pair the SigV4 signatures may use, and so turns strict mode on; call it once per pair. A 12-digit
     * access key id also names the account in ARNs of what its requests create.
     */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      credentials.put(
          Objects.requireNonNull(accessKeyId, "accessKeyId"), Objects.requireNonNull(secretAccessKey, "secretAccessKey"));
      return this;
    }

    /** Turns the code-revealing {@code /_cognate} routes on (the default) or off. */
    public Builder devApi(boolean devApi) {
      this.devApi = devApi;
      return this;
    }

    /** Lock-outs and code limits, for instance {@code Limits.cognito().withLockoutAfter(2)}. */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Changes some limits and keeps the others, for instance {@code limits(l -> l.withWrongCodesPerCode(2))}. */
    public Builder limits(UnaryOperator<Limits> change) {
      return limits(change.apply(limits));
    }

    /** Runs {@code trigger} in every pool that has no trigger of this kind of its own; a second call replaces it. */
    public Builder trigger(TriggerKind kind, Trigger trigger) {
      triggersForAllPools.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(trigger, "trigger"));
      return this;
    }

    /** Runs {@code trigger} in the pool with this id only; a second call for the same pool and kind replaces it. */
    public Builder trigger(String userPoolId, TriggerKind kind, Trigger trigger) {
      triggersByPool
          .computeIfAbsent(Objects.requireNonNull(userPoolId, "userPoolId"), id -> new EnumMap<>(TriggerKind.class))
          .put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(trigger, "trigger"));
      return this;
    }

    /** Provisions this template's Cognito resources at start; its stack name is the file name without extension. */
    public Builder template(Path file) {
      return template(new TemplateSource(Location.of(file), Optional.empty()));
    }

    /** Provisions this template's Cognito resources at start, with ids derived from {@code stack}. */
    public Builder template(Path file, String stack) {
      return template(new TemplateSource(Location.of(file), Optional.of(stack)));
    }

    /** A template read from a URL, such as {@code getClass().getResource("/template.yaml")} in the app's own jar. */
    public Builder template(URL url) {
      return template(new TemplateSource(Location.of(url), Optional.empty()));
    }

    public Builder template(URL url, String stack) {
      return template(new TemplateSource(Location.of(url), Optional.of(stack)));
    }

    /** A template from any {@link Location}, such as {@code Location.classpath("template.yaml")}; repeatable. */
    public Builder template(TemplateSource source) {
      templates.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /** Creates this file's users at start, after the templates; repeatable. */
    public Builder seed(Path file) {
      return seed(Location.of(file));
    }

    public Builder seed(Location location) {
      seeds.add(Objects.requireNonNull(location, "location"));
      return this;
    }

    /** Writes {@code KEY=value} lines naming what was provisioned to this file once the emulator listens. */
    public Builder envFile(Path file) {
      this.envFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Makes every generated id, secret and code follow from {@code seed}, so runs repeat. */
    public Builder randomSeed(long seed) {
      this.randomSeed = seed;
      return this;
    }

    /**
     * The switch form of {@link #inMemory()}, for a flag written {@code --in-memory=false}: off keeps a folder
     * already chosen, or goes back to the default one.
     */
    public Builder inMemory(boolean inMemory) {
      if (inMemory) {
        dataDir = null;
      } else if (dataDir == null) {
        dataDir = DEFAULT_DATA_DIR;
      }
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
          credentials,
          devApi,
          limits,
          new Triggers(triggersByPool, triggersForAllPools),
          templates,
          seeds,
          Optional.ofNullable(envFile),
          randomSeed == null ? OptionalLong.empty() : OptionalLong.of(randomSeed));
    }
  }
}
