package dev.cognate.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The API measurements against one running target: every operation the issue names at 1 and 16 clients, the whole
 * sign-up cycle, and sign-in and sign-up latency as the pool grows. Each writes one row; an operation the target
 * cannot do writes "n/a" with the target's own answer, and the run goes on.
 */
final class Workload {
  private static final String PASSWORD = "Passw0rd!";
  private static final int[] CLIENTS = {1, 16};
  private static final int LOGIN_USERS = 32;
  private static final int POPULATING_CLIENTS = 16;
  private static final long MAX_PREPARED = 20_000;

  private final URI endpoint;
  private final Optional<Path> workDir;
  private final Load load;
  private final Options options;
  private final Consumer<String> progress;
  private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  private final AtomicLong names = new AtomicLong();

  Workload(URI endpoint, Optional<Path> workDir, Options options, Consumer<String> progress) {
    this.endpoint = endpoint;
    this.workDir = workDir;
    this.options = options;
    this.progress = progress;
    this.load = new Load(endpoint, options.warmUp(), options.measured());
  }

  /** A pool with an app client allowing every password flow, and users who can sign in. */
  private record Pool(String id, String clientId, List<SignedIn> users) {}

  private record SignedIn(String username, String accessToken, String refreshToken) {}

  void measure(Map<String, Cell> rows) {
    Pool pool;
    try (CognitoApi api = new CognitoApi(endpoint)) {
      pool = pool(api, "bench-" + run, LOGIN_USERS);
    } catch (CognitoApi.CallFailed e) {
      rows.put(Rows.SETUP, Cell.unavailable(e.getMessage()));
      return;
    }
    Queue<String> unconfirmed = new ConcurrentLinkedQueue<>();
    rates(rows, "SignUp (fresh users)", (api, n) -> unconfirmed.add(signUp(api, pool, "s")));
    rows.putAll(confirmations(pool, unconfirmed));
    rates(rows, "AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH)", (api, n) -> {
      SignedIn user = pool.users().get((int) (n % pool.users().size()));
      api.fire("AdminInitiateAuth", Map.of("UserPoolId", pool.id(), "ClientId", pool.clientId(),
          "AuthFlow", "ADMIN_USER_PASSWORD_AUTH",
          "AuthParameters", Map.of("USERNAME", user.username(), "PASSWORD", PASSWORD)));
    });
    rates(rows, "InitiateAuth (USER_PASSWORD_AUTH)", (api, n) -> {
      SignedIn user = pool.users().get((int) (n % pool.users().size()));
      api.fire("InitiateAuth", logInRequest(pool, user.username()));
    });
    rates(rows, "InitiateAuth (REFRESH_TOKEN_AUTH)", (api, n) -> {
      SignedIn user = pool.users().get((int) (n % pool.users().size()));
      requireToken(user.refreshToken(), "no refresh token from the sign-in");
      api.fire("InitiateAuth", Map.of("ClientId", pool.clientId(), "AuthFlow", "REFRESH_TOKEN_AUTH",
          "AuthParameters", Map.of("REFRESH_TOKEN", user.refreshToken())));
    });
    rates(rows, "GetUser", (api, n) -> {
      SignedIn user = pool.users().get((int) (n % pool.users().size()));
      requireToken(user.accessToken(), "no access token from the sign-in");
      api.fire("GetUser", Map.of("AccessToken", user.accessToken()));
    });
    String jwks = "/" + pool.id() + "/.well-known/jwks.json";
    rates(rows, "JWKS GET", (api, n) -> {
      HttpConnection.Response response = api.get(jwks);
      if (response.status() != 200) {
        throw CognitoApi.failure("GET " + jwks, response);
      }
    });
    cycle(rows, pool);
    growth(rows);
  }

  /**
   * ConfirmSignUp consumes one unconfirmed user per request, so before each run the queue is topped up (untimed,
   * by SignUp from 16 clients) to about twice what the run is expected to use (16 clients: six times the rate of one, as the 2-core runs
   * showed; a run that still runs out reports the rate up to that moment and says so), and the codes are read once.
   */
  private Map<String, Cell> confirmations(Pool pool, Queue<String> unconfirmed) {
    Map<String, Cell> rows = new LinkedHashMap<>();
    Map<String, String> codes = new ConcurrentHashMap<>();
    Load.Step confirm = (api, n) -> {
      String username = unconfirmed.poll();
      if (username == null) {
        throw new Load.RanOut();
      }
      api.fire("ConfirmSignUp", Map.of("ClientId", pool.clientId(), "Username", username,
          "ConfirmationCode", codes.getOrDefault(username, "123456")));
    };
    codes.putAll(codesFor(pool));
    long started = System.nanoTime();
    Optional<String> unsupported = probe(confirm);
    double expectedPerSecond = 1e9 / Math.max(1, System.nanoTime() - started);
    double runSeconds = options.warmUp().toSeconds() + options.measured().toSeconds();
    for (int clients : CLIENTS) {
      String row = Rows.rate("ConfirmSignUp", clients);
      if (unsupported.isPresent()) {
        rows.put(row, Cell.unavailable(unsupported.get()));
        continue;
      }
      long wanted = Math.min(MAX_PREPARED, (long) (2 * expectedPerSecond * (clients == 1 ? 1 : 6) * runSeconds));
      long missing = wanted - unconfirmed.size();
      if (missing > 0) {
        progress.accept("  preparing " + missing + " unconfirmed users");
        Optional<String> failure =
            fill(missing, (api, n) -> unconfirmed.add(signUp(api, pool, "s")), populationBudget(missing));
        if (failure.isPresent()) {
          rows.put(row, Cell.unavailable("preparing users: " + failure.get()));
          continue;
        }
        codes.putAll(codesFor(pool));
      }
      progress.accept(row);
      Throughput run = load.run(clients, confirm);
      rows.put(row, Cell.rate(run));
      expectedPerSecond = Math.max(expectedPerSecond, run.perSecond());
    }
    return rows;
  }

  private Map<String, String> codesFor(Pool pool) {
    try (CognitoApi api = new CognitoApi(endpoint)) {
      return Codes.signUpCodes(api, pool.id(), workDir);
    }
  }

  private void rates(Map<String, Cell> rows, String operation, Load.Step step) {
    Optional<String> unsupported = probe(step);
    for (int clients : CLIENTS) {
      String row = Rows.rate(operation, clients);
      if (unsupported.isPresent()) {
        rows.put(row, Cell.unavailable(unsupported.get()));
        continue;
      }
      progress.accept(row);
      rows.put(row, Cell.rate(load.run(clients, step)));
    }
  }

  private void cycle(Map<String, Cell> rows, Pool pool) {
    Load.Step cycle = (api, n) -> {
      String username = signUp(api, pool, "c");
      api.fire("AdminConfirmSignUp", Map.of("UserPoolId", pool.id(), "Username", username));
      api.fire("InitiateAuth", logInRequest(pool, username));
    };
    Optional<String> unsupported = probe(cycle);
    if (unsupported.isPresent()) {
      rows.put(Rows.CYCLE, Cell.unavailable(unsupported.get()));
      return;
    }
    progress.accept(Rows.CYCLE);
    rows.put(Rows.CYCLE, Cell.rate(load.run(16, cycle)));
  }

  /** Sign-in and sign-up latency at 1k, 10k (and, when asked, 100k) users in one pool. */
  private void growth(Map<String, Cell> rows) {
    Pool pool;
    try (CognitoApi api = new CognitoApi(endpoint)) {
      pool = pool(api, "bench-growth-" + run, 8);
    } catch (CognitoApi.CallFailed e) {
      rows.put(Rows.populate(1000), Cell.unavailable(e.getMessage()));
      return;
    }
    List<Integer> sizes = new ArrayList<>(List.of(1_000, 10_000));
    if (options.hundredThousandUsers()) {
      sizes.add(100_000);
    }
    AtomicLong populated = new AtomicLong(pool.users().size());
    for (int size : sizes) {
      progress.accept(Rows.populate(size));
      Cell population = populate(pool, populated, size);
      rows.put(Rows.populate(size), population);
      if (!population.available()) {
        return;
      }
      Load.Step logIn = (api, n) ->
          api.fire("InitiateAuth", logInRequest(pool, pool.users().get((int) (n % pool.users().size())).username()));
      Load.Step signUp = (api, n) -> signUp(api, pool, "g");
      rows.put(Rows.atUsers("InitiateAuth (USER_PASSWORD_AUTH)", size),
          probe(logIn).map(Cell::unavailable).orElseGet(() -> Cell.latency(load.run(1, logIn))));
      rows.put(Rows.atUsers("SignUp", size),
          probe(signUp).map(Cell::unavailable).orElseGet(() -> Cell.latency(load.run(1, signUp))));
    }
  }

  /**
   * Adds users until the pool holds {@code size}, from 16 clients: AdminCreateUser with a suppressed invitation
   * (one request and one password hash per user), or SignUp where AdminCreateUser is not served.
   */
  private Cell populate(Pool pool, AtomicLong populated, int size) {
    Load.Step create = (api, n) -> api.fire("AdminCreateUser", Map.of("UserPoolId", pool.id(),
        "Username", "p-" + run + "-" + names.incrementAndGet(), "TemporaryPassword", PASSWORD,
        "MessageAction", "SUPPRESS"));
    Load.Step signUp = (api, n) -> signUp(api, pool, "p");
    Optional<String> refused = probe(create);
    Load.Step step = refused.isEmpty() ? create : signUp;
    if (refused.isPresent()) {
      Optional<String> unsupported = probe(signUp);
      if (unsupported.isPresent()) {
        return Cell.unavailable(unsupported.get());
      }
    }
    populated.incrementAndGet();
    long started = System.nanoTime();
    Optional<String> failure = fill(size - populated.get(), step, populationBudget(size));
    populated.set(size);
    if (failure.isPresent()) {
      return Cell.unavailable(failure.get());
    }
    Cell took = Cell.millis((System.nanoTime() - started) / 1e6,
        (step == create ? "AdminCreateUser" : "SignUp") + ", " + POPULATING_CLIENTS + " clients");
    progress.accept("  " + took.text());
    return took;
  }

  /**
   * Runs {@code count} steps from 16 clients as fast as the target allows; the first failure stops it, and so does
   * the time running out (some stand-ins rewrite all their data on every change and would take hours).
   */
  private Optional<String> fill(long count, Load.Step step, Duration budget) {
    AtomicLong left = new AtomicLong(count);
    long deadline = System.nanoTime() + budget.toNanos();
    List<Thread> clients = new ArrayList<>();
    AtomicReference<String> failure = new AtomicReference<>();
    for (int i = 0; i < POPULATING_CLIENTS; i++) {
      Thread client = new Thread(() -> {
        try (CognitoApi api = new CognitoApi(endpoint)) {
          while (left.getAndDecrement() > 0 && failure.get() == null) {
            step.run(api, 0);
            if (System.nanoTime() > deadline) {
              failure.compareAndSet(null, "stopped after " + budget.toSeconds() + " s with "
                  + Math.max(0, left.get()) + " of " + count + " still to add");
            }
          }
        } catch (CognitoApi.CallFailed e) {
          failure.compareAndSet(null, e.getMessage());
        }
      }, "fill");
      clients.add(client);
      client.start();
    }
    for (Thread client : clients) {
      try {
        client.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted");
      }
    }
    return Optional.ofNullable(failure.get());
  }

  /** Two minutes, or 100 users a second for larger counts. */
  private static Duration populationBudget(long users) {
    return Duration.ofSeconds(Math.max(120, users / 100));
  }

  /** Runs a step once; its failure says why the target cannot do this measurement. */
  private Optional<String> probe(Load.Step step) {
    try (CognitoApi api = new CognitoApi(endpoint)) {
      step.run(api, 0);
      return Optional.empty();
    } catch (CognitoApi.CallFailed e) {
      return Optional.of(e.getMessage());
    } catch (Load.RanOut e) {
      return Optional.of("no prepared users left");
    }
  }

  private Pool pool(CognitoApi api, String name, int users) {
    String id = api.call("CreateUserPool", Map.of("PoolName", name, "AutoVerifiedAttributes", List.of("email")))
        .path("UserPool").path("Id").asText();
    String clientId = api.call("CreateUserPoolClient", Map.of("UserPoolId", id, "ClientName", "bench",
            "ExplicitAuthFlows", List.of("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH",
                "ALLOW_REFRESH_TOKEN_AUTH")))
        .path("UserPoolClient").path("ClientId").asText();
    Pool bare = new Pool(id, clientId, List.of());
    List<SignedIn> signedIn = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      String username = signUp(api, bare, "u");
      api.fire("AdminConfirmSignUp", Map.of("UserPoolId", id, "Username", username));
      JsonNode tokens = logIn(api, bare, username).path("AuthenticationResult");
      signedIn.add(new SignedIn(username, tokens.path("AccessToken").asText(null),
          tokens.path("RefreshToken").asText(null)));
    }
    return new Pool(id, clientId, List.copyOf(signedIn));
  }

  private String signUp(CognitoApi api, Pool pool, String prefix) {
    String username = prefix + "-" + run + "-" + names.incrementAndGet();
    api.fire("SignUp", Map.of("ClientId", pool.clientId(), "Username", username, "Password", PASSWORD,
        "UserAttributes", List.of(Map.of("Name", "email", "Value", username + "@bench.example"))));
    return username;
  }

  private static JsonNode logIn(CognitoApi api, Pool pool, String username) {
    return api.call("InitiateAuth", logInRequest(pool, username));
  }

  private static Map<String, Object> logInRequest(Pool pool, String username) {
    return Map.of("ClientId", pool.clientId(), "AuthFlow", "USER_PASSWORD_AUTH",
        "AuthParameters", Map.of("USERNAME", username, "PASSWORD", PASSWORD));
  }

  private static void requireToken(String token, String reason) {
    if (token == null) {
      throw new CognitoApi.CallFailed(reason);
    }
  }
}
