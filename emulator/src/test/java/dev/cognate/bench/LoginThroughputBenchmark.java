package dev.cognate.bench;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.TestEmulator;
import dev.cognate.testing.CognatePool;
import dev.cognate.testing.CognitoClients;
import dev.cognate.testing.PoolSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

/**
 * Prints sign-in throughput and in-process start and stop times; asserts nothing. Not part of the test run:
 * {@code mvn -B -pl emulator verify -Dit.test=LoginThroughputBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LoginThroughputBenchmark {
  private static final int THREADS = 8;
  private static final Duration WARM_UP = Duration.ofSeconds(3);
  private static final Duration MEASURE = Duration.ofSeconds(10);

  @Test
  void printFigures() throws Exception {
    // What the JUnit extension does per test class: start an emulator and an SDK client, make a pool, close both.
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      Cognate cognate = Cognate.start(CognateConfig.forTests().build());
      CognitoIdentityProviderClient client = CognitoClients.forEndpoint(cognate.endpoint(), "us-east-1");
      long started = System.nanoTime();
      CognatePool.create(client, PoolSpec.defaults());
      long pooled = System.nanoTime();
      client.close();
      cognate.close();
      long stopped = System.nanoTime();
      System.out.printf(
          "%s: start (emulator + SDK client) %.0f ms, first pool %.0f ms, stop %.0f ms%n",
          i == 0 ? "first in this JVM" : "again",
          (started - start) / 1e6,
          (pooled - started) / 1e6,
          (stopped - pooled) / 1e6);
    }
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String poolId = cognito.createUserPool(b -> b.poolName("bench")).userPool().id();
      String clientId =
          cognito
              .createUserPoolClient(
                  b -> b.userPoolId(poolId).clientName("bench").explicitAuthFlows(
                      ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
              .userPoolClient()
              .clientId();
      for (int u = 0; u < THREADS; u++) {
        String name = "user" + u;
        cognito.signUp(
            b -> b.clientId(clientId).username(name).password("Passw0rd!")
                .userAttributes(AttributeType.builder().name("email").value(name + "@example.com").build()));
        cognito.adminConfirmSignUp(b -> b.userPoolId(poolId).username(name));
      }
      run(cognito, poolId, clientId, WARM_UP);
      long count = run(cognito, poolId, clientId, MEASURE);
      System.out.printf(
          "AdminInitiateAuth: %d sign-ins in %d s with %d threads = %.0f sign-ins/s%n",
          count, MEASURE.toSeconds(), THREADS, count / (double) MEASURE.toSeconds());
    }
  }

  private static long run(CognitoIdentityProviderClient cognito, String poolId, String clientId, Duration duration)
      throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong count = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String name = "user" + t;
      workers.add(
          pool.submit(
              () -> {
                while (running.get()) {
                  cognito.adminInitiateAuth(
                      b -> b.userPoolId(poolId).clientId(clientId).authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                          .authParameters(Map.of("USERNAME", name, "PASSWORD", "Passw0rd!")));
                  count.incrementAndGet();
                }
                return null;
              }));
    }
    Thread.sleep(duration.toMillis());
    running.set(false);
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return count.get();
  }
}
