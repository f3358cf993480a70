package dev.cognate.it;

import static dev.cognate.support.Users.APP_PASSWORD;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.TestEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * Import and reset as a busy CI meets them: requests in flight while the state is replaced, and new rows after an
 * import, in memory and in a file database across a restart.
 */
class StateImportAttacksIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void signUpsAndSignInsDuringImportsAndResetsNeverFailInside() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool pool = passwordPool(cognito);
      signUpConfirmed(cognito, cognate, pool, "ann", APP_PASSWORD, attr("email", "ann@example.com"));
      addFillers(cognito, pool, 150);
      String state = cognate.exportState(true);

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger calls = new AtomicInteger();
      Map<String, Integer> outcomes = new ConcurrentHashMap<>();
      List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
      ExecutorService workers = Executors.newFixedThreadPool(4);
      List<Future<?>> running4 = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int worker = w;
        running4.add(workers.submit(() -> {
          int n = 0;
          while (running.get() && n < 400) {
            String name = "w" + worker + "n" + n++;
            String outcome;
            try {
              if (n % 2 == 0) {
                cognito.signUp(r -> r.clientId(pool.clientId()).username(name).password(APP_PASSWORD)
                    .userAttributes(attr("email", name + "@example.com")));
              } else {
                signIn(cognito, pool.clientId(), "ann", APP_PASSWORD);
              }
              outcome = "OK";
            } catch (CognitoIdentityProviderException e) {
              outcome = e.awsErrorDetails().errorCode();
              if (e.statusCode() >= 500) {
                serverErrors.add(e.awsErrorDetails().errorMessage());
              }
            }
            calls.incrementAndGet();
            outcomes.merge(outcome, 1, Integer::sum);
          }
          return null;
        }));
      }
      int imports = 0;
      int resets = 0;
      try {
        for (int round = 0; round < 12; round++) {
          cognate.importState(state);
          imports++;
          if (round % 3 == 2) {
            cognate.reset();
            resets++;
          }
        }
        cognate.importState(state);
        imports++;
      } finally {
        running.set(false);
        for (Future<?> f : running4) {
          f.get(120, TimeUnit.SECONDS);
        }
        workers.shutdownNow();
      }
      System.out.println("StateImportAttacksIT: " + imports + " imports and " + resets + " resets of a 151-user state"
          + " during " + calls.get() + " sign-ups/sign-ins: " + outcomes);
      assertEquals(List.of(), serverErrors);
      assertEquals("ann", cognito.getUser(r -> r.accessToken(
          signIn(cognito, pool.clientId(), "ann", APP_PASSWORD).accessToken())).username());
    }
  }

  @Test
  void importsAndResetsFromTwoThreadsAtOnceAllSucceed() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool pool = passwordPool(cognito);
      addFillers(cognito, pool, 150);
      String state = cognate.exportState(true);
      ExecutorService both = Executors.newFixedThreadPool(2);
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          done.add(both.submit(() -> {
            for (int i = 0; i < 10; i++) {
              try {
                cognate.importState(state);
                if (i % 3 == 0) {
                  cognate.reset();
                }
              } catch (RuntimeException e) {
                failures.add(e.toString());
              }
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        both.shutdownNow();
      }
      System.out.println("StateImportAttacksIT: 2 threads x 10 imports (with resets) of a 150-user state at once: "
          + failures.size() + " failed " + failures.stream().limit(2).toList());
      assertEquals(List.of(), failures);
    }
  }

  @Test
  void anExportFromBeforeTheLastMigrationThatMovedDataIsRefused() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool pool = passwordPool(cognito);
      cognito.signUp(r -> r.clientId(pool.clientId()).username("ann").password(APP_PASSWORD)
          .userAttributes(attr("email", "ann@example.com")));
      ObjectNode state = (ObjectNode) JSON.readTree(cognate.exportState(true));
      // As schema version 6 stored it: the one pending code on the user's row. Migration 7 moved such codes into
      // user_codes when it ran on a database; an import does not run migrations, so the code would be lost.
      ObjectNode code = (ObjectNode) state.get("tables").get("user_codes").get(0);
      ObjectNode user = (ObjectNode) state.get("tables").get("users").get(0);
      user.put("pending_code", code.get("code").asText());
      user.put("pending_code_expires_at", code.get("expires_at").asLong());
      state.with("tables").putArray("user_codes");
      state.put("schemaVersion", 6);
      String before = cognate.exportState(true);

      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> cognate.importState(state.toString()));
      assertEquals(
          "the state was exported with schema version 6, before version 7 changed how stored data is laid out;"
              + " open that Cognate's database with this one and export again",
          refused.getMessage());
      assertEquals(before, cognate.exportState(true));
    }
  }

  @Test
  void anExportTakenWhileUsersSignUpImports() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        Cognate other = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool pool = passwordPool(cognito);
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService signUps = Executors.newFixedThreadPool(2);
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int worker = w;
        workers.add(signUps.submit(() -> {
          for (int n = 0; running.get() && n < 300; n++) {
            String name = "w" + worker + "n" + n;
            cognito.signUp(r -> r.clientId(pool.clientId()).username(name).password(APP_PASSWORD)
                .userAttributes(attr("email", name + "@example.com")));
          }
          return null;
        }));
      }
      List<String> refused = new ArrayList<>();
      int exports = 0;
      try {
        for (; exports < 15; exports++) {
          String state = cognate.exportState(true);
          try {
            other.importState(state);
          } catch (IllegalArgumentException e) {
            refused.add(e.getMessage());
          }
        }
      } finally {
        running.set(false);
        for (Future<?> f : workers) {
          f.get(120, TimeUnit.SECONDS);
        }
        signUps.shutdownNow();
      }
      System.out.println("StateImportAttacksIT: " + exports + " exports taken during sign-ups, " + refused.size()
          + " refused on import " + refused.stream().limit(1).toList());
      assertEquals(List.of(), refused);
    }
  }

  @Test
  void usersCreatedAfterAnImportIntoAFileDatabaseAndARestartGetRowsOfTheirOwn(@TempDir Path dir) throws Exception {
    String state;
    Pool pool;
    try (Cognate source = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(source)) {
      pool = passwordPool(cognito);
      // Deleted users leave gaps in the row numbers the export carries; new rows must not collide with them.
      for (String name : List.of("gone1", "gone2", "ann", "gone3", "bo", "cy")) {
        signUpConfirmed(cognito, source, pool, name, APP_PASSWORD, attr("email", name + "@example.com"));
      }
      for (String name : List.of("gone1", "gone2", "gone3")) {
        cognito.adminDeleteUser(r -> r.userPoolId(pool.poolId()).username(name));
      }
      state = source.exportState(true);
    }
    String gapped = state;
    try (Cognate target = TestEmulator.start(CognateConfig.forTests().dataDir(dir))) {
      target.importState(gapped);
    }
    try (Cognate restarted = TestEmulator.start(CognateConfig.forTests().dataDir(dir));
        CognitoIdentityProviderClient cognito = TestEmulator.client(restarted)) {
      for (String name : List.of("ann", "bo", "cy")) {
        assertEquals(name, cognito.getUser(r -> r.accessToken(
            signIn(cognito, pool.clientId(), name, APP_PASSWORD).accessToken())).username());
      }
      for (int i = 0; i < 5; i++) {
        String name = "new" + i;
        signUpConfirmed(cognito, restarted, pool, name, APP_PASSWORD, attr("email", name + "@example.com"));
        assertEquals(name, cognito.getUser(r -> r.accessToken(
            signIn(cognito, pool.clientId(), name, APP_PASSWORD).accessToken())).username());
      }
      assertEquals(8, cognito.listUsers(r -> r.userPoolId(pool.poolId())).users().size());
      System.out.println("StateImportAttacksIT: 3 users imported with gaps in their row numbers into a file database,"
          + " restarted, 5 new users signed up and in beside them");
    }
  }

  @Test
  void anImportWhoseValuesTheEmulatorCannotReadIsRefused() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool pool = passwordPool(cognito);
      signUpConfirmed(cognito, cognate, pool, "ann", APP_PASSWORD, attr("email", "ann@example.com"));
      signIn(cognito, pool.clientId(), "ann", APP_PASSWORD);
      String good = cognate.exportState(true);
      ObjectNode badSettings = (ObjectNode) JSON.readTree(good);
      ((ObjectNode) badSettings.get("tables").get("user_pools").get(0)).put("settings", "not json");
      ObjectNode badClient = (ObjectNode) JSON.readTree(good);
      ((ObjectNode) badClient.get("tables").get("app_clients").get(0)).put("settings", "{\"nonsense\": [");
      ObjectNode badStatus = (ObjectNode) JSON.readTree(good);
      ((ObjectNode) badStatus.get("tables").get("users").get(0)).put("status", "BOGUS");
      ObjectNode badKey = (ObjectNode) JSON.readTree(good);
      ((ObjectNode) badKey.get("tables").get("signing_keys").get(0)).put("private_key", "bm90IGEga2V5");
      Map<String, ObjectNode> cases = new LinkedHashMap<>();
      cases.put("user_pools", badSettings);
      cases.put("app_clients", badClient);
      cases.put("users", badStatus);
      cases.put("signing_keys", badKey);
      for (Map.Entry<String, ObjectNode> c : cases.entrySet()) {
        IllegalArgumentException refused =
            assertThrows(IllegalArgumentException.class, () -> cognate.importState(c.getValue().toString()));
        assertTrue(
            refused.getMessage().startsWith("row 1 of table " + c.getKey() + " cannot be read back: "),
            refused.getMessage());
        System.out.println("StateImportAttacksIT: refused " + refused.getMessage());
        cognito.describeUserPool(r -> r.userPoolId(pool.poolId()));
        cognito.describeUserPoolClient(r -> r.userPoolId(pool.poolId()).clientId(pool.clientId()));
        assertEquals("ann", cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("ann")).username());
        signIn(cognito, pool.clientId(), "ann", APP_PASSWORD);
      }
    }
  }

  /** Enough users that an import or reset takes long enough for the other threads to meet it. */
  private static void addFillers(CognitoIdentityProviderClient cognito, Pool pool, int count) {
    for (int i = 0; i < count; i++) {
      String name = "filler" + i;
      cognito.adminCreateUser(
          r -> r.userPoolId(pool.poolId()).username(name).messageAction(MessageActionType.SUPPRESS)
              .userAttributes(attr("email", name + "@example.com")));
    }
  }

  private static Pool passwordPool(CognitoIdentityProviderClient cognito) {
    return Pools.appPool(
        cognito,
        c -> c.explicitAuthFlows(
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }
}
