package dev.cognate.it;

import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUp;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SentCode;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.StandaloneEmulator;
import dev.cognate.support.TestEmulator;
import dev.cognate.support.Users;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** What was acknowledged is still there after a clean restart and after SIGKILL. */
class DurabilityIT {
  private static final String PASSWORD = "Passw0rd!";

  @Test
  void cleanRestartKeepsPoolsClientsUsersAndCodes(@TempDir Path dataDir) throws Exception {
    String poolId;
    String clientId;
    String aliceSub;
    String bobCode;
    try (Cognate first = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
        CognitoIdentityProviderClient cognito = TestEmulator.client(first)) {
      Pool pool = createPool(cognito);
      poolId = pool.poolId();
      clientId = pool.clientId();
      aliceSub = signUpConfirmed(cognito, first, pool, "alice", PASSWORD, email("alice"));
      signUp(cognito, clientId, "bob", PASSWORD, email("bob"));
      bobCode = first.outbox().lastCode(poolId, "bob").orElseThrow();
    }
    // H2 writes what goes wrong to a trace file: a clean stop leaves none.
    assertFalse(Files.exists(dataDir.resolve("cognate.trace.db")), () -> "a clean stop wrote H2 trace file: " + read(dataDir.resolve("cognate.trace.db")));

    try (Cognate second = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
        CognitoIdentityProviderClient cognito = TestEmulator.client(second)) {
      assertEquals("durability", cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().name());
      assertTrue(
          cognito.listUserPools(r -> r.maxResults(60)).userPools().stream().anyMatch(p -> p.id().equals(poolId)));
      assertEquals(
          List.of(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
              .stream()
              .collect(Collectors.toSet()),
          new HashSet<>(
              cognito
                  .describeUserPoolClient(r -> r.userPoolId(poolId).clientId(clientId))
                  .userPoolClient()
                  .explicitAuthFlows()));

      AdminGetUserResponse alice = cognito.adminGetUser(r -> r.userPoolId(poolId).username("alice"));
      assertEquals(UserStatusType.CONFIRMED, alice.userStatus());
      assertEquals(aliceSub, attributes(alice.userAttributes()).get("sub"));
      assertEquals("true", attributes(alice.userAttributes()).get("email_verified"));
      AdminGetUserResponse bob = cognito.adminGetUser(r -> r.userPoolId(poolId).username("bob"));
      assertEquals(UserStatusType.UNCONFIRMED, bob.userStatus());
      assertEquals("false", attributes(bob.userAttributes()).get("email_verified"));

      // The outbox still holds the codes, and the pending one still confirms.
      List<SentCode> bobCodes = second.outbox().codes(poolId, "bob");
      assertEquals(1, bobCodes.size());
      assertEquals(bobCode, bobCodes.get(0).code());
      assertEquals(CodePurpose.SIGN_UP, bobCodes.get(0).purpose());
      assertEquals("bob@example.com", bobCodes.get(0).destination());
      assertEquals(1, second.outbox().codes(poolId, "alice").size());
      cognito.confirmSignUp(r -> r.clientId(clientId).username("bob").confirmationCode(bobCode));

      assertNotNull(signIn(cognito, clientId, "alice", PASSWORD).accessToken());
      assertNotNull(signIn(cognito, clientId, "bob", PASSWORD).accessToken());
    }
  }

  @Test
  void acknowledgedWritesSurviveSigkill(@TempDir Path temp) throws Exception {
    String poolId;
    String clientId;
    Set<String> signedUp = new HashSet<>();

    Path dataDir = temp.resolve("data");
    try (StandaloneEmulator first = StandaloneEmulator.start(dataDir, temp, "first");
        CognitoIdentityProviderClient cognito = TestEmulator.client(first.endpoint())) {
      Pool pool = createPool(cognito);
      poolId = pool.poolId();
      clientId = pool.clientId();
      for (int i = 0; i < 50; i++) {
        String username = String.format("user-%02d", i);
        SignUpResponse response = signUp(cognito, clientId, username, PASSWORD, email(username));
        assertNotNull(response.userSub(), username);
        signedUp.add(username);
      }
      // SIGKILL right after the last acknowledged response: no shutdown hook, no clean close.
      first.kill();
    }

    try (StandaloneEmulator second = StandaloneEmulator.start(dataDir, temp, "second");
        CognitoIdentityProviderClient cognito = TestEmulator.client(second.endpoint())) {
      URI endpoint = second.endpoint();
      Set<String> listed = new HashSet<>();
      String token = null;
      int pages = 0;
      do {
        String pageToken = token;
        ListUsersResponse page = cognito.listUsers(r -> r.userPoolId(poolId).limit(20).paginationToken(pageToken));
        page.users().forEach(u -> listed.add(u.username()));
        token = page.paginationToken();
        pages++;
        assertTrue(pages <= 10, "pagination does not end");
      } while (token != null && !token.isEmpty());
      assertEquals(signedUp, listed);
      assertTrue(pages >= 3, "50 users in pages of 20 need 3 pages, got " + pages);

      String username = "user-37";
      String code = lastCodeOverHttp(endpoint, poolId, username);
      cognito.confirmSignUp(r -> r.clientId(clientId).username(username).confirmationCode(code));
      AuthenticationResultType tokens = signIn(cognito, clientId, username, PASSWORD);
      assertNotNull(tokens.accessToken());
      assertEquals(username, cognito.getUser(r -> r.accessToken(tokens.accessToken())).username());
    }
  }

  /**
   * Three rounds of SIGKILL to the standalone jar while six clients sign up, confirm and log in. After each restart
   * every acknowledged sign-up, confirmation and login is there, the database opened without a warning (and passed
   * the start-up read of every table and index), and every token issued before any kill still verifies against the
   * pool's JWKS, still works for GetUser and still refreshes.
   */
  @Test
  void acknowledgedWritesAndTokensSurviveSigkillMidLoad(@TempDir Path temp) throws Exception {
    Path dataDir = temp.resolve("data");
    Acknowledged acked = new Acknowledged();
    String poolId;
    String clientId;
    StandaloneEmulator emulator = StandaloneEmulator.start(dataDir, temp, "round-1");
    try (CognitoIdentityProviderClient cognito = TestEmulator.client(emulator.endpoint())) {
      Pool pool = createPool(cognito);
      poolId = pool.poolId();
      clientId = pool.clientId();
    }
    for (int round = 1; round <= CRASH_ROUNDS; round++) {
      String cut = loadThenKill(emulator, round, clientId, poolId, acked);
      long started = System.nanoTime();
      emulator = StandaloneEmulator.start(dataDir, temp, "round-" + (round + 1));
      long startMillis = (System.nanoTime() - started) / 1_000_000;
      try (CognitoIdentityProviderClient cognito = TestEmulator.client(emulator.endpoint())) {
        List<String> warnings =
            emulator.logLines().stream().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
        assertEquals(List.of(), warnings, "the database should open without a warning after SIGKILL");
        String checked = assertAllPresent(cognito, emulator.endpoint(), poolId, clientId, acked);
        System.out.printf(
            "[crash] round %d: SIGKILL with %s; restart in %d ms, no warning; %s%n",
            round, cut, startMillis, checked);
      } catch (Throwable t) {
        emulator.close();
        throw t;
      }
    }
    emulator.close();
  }

  // ---------------------------------------------------------------- helpers

  private static final int CRASH_ROUNDS = 3;
  private static final int WRITERS = 6;
  private static final int KILL_AFTER_ACKS = 45;

  /** Everything the emulator answered 200 to, across rounds. */
  private static final class Acknowledged {
    final Map<String, String> signedUp = new ConcurrentHashMap<>();
    final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    final Map<String, AuthenticationResultType> tokens = new ConcurrentHashMap<>();
    final Set<String> attempted = ConcurrentHashMap.newKeySet();
  }

  /** Runs the writers until enough is acknowledged, SIGKILLs the jar mid-flight, and says what was cut off. */
  private static String loadThenKill(
      StandaloneEmulator emulator, int round, String clientId, String poolId, Acknowledged acked) throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger acksThisRound = new AtomicInteger();
    AtomicInteger cutOff = new AtomicInteger();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try (CognitoIdentityProviderClient cognito = TestEmulator.client(emulator.endpoint())) {
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.submit(
            () -> {
              for (int n = 0; !killed.get() && n < 1000; n++) {
                String username = String.format("r%d-w%d-%03d", round, writer, n);
                try {
                  acked.attempted.add(username);
                  String sub = signUp(cognito, clientId, username, PASSWORD, email(username)).userSub();
                  acked.signedUp.put(username, sub);
                  acksThisRound.incrementAndGet();
                  String code = lastCodeOverHttp(emulator.endpoint(), poolId, username);
                  cognito.confirmSignUp(r -> r.clientId(clientId).username(username).confirmationCode(code));
                  acked.confirmed.add(username);
                  acksThisRound.incrementAndGet();
                  acked.tokens.put(username, signIn(cognito, clientId, username, PASSWORD));
                  acksThisRound.incrementAndGet();
                } catch (Throwable t) {
                  if (killed.get()) {
                    cutOff.incrementAndGet();
                  } else {
                    failures.add(t);
                  }
                  return;
                }
              }
            });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acksThisRound.get() < KILL_AFTER_ACKS && failures.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      killed.set(true);
      emulator.kill();
      writers.shutdown();
      assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS), "writers did not stop after the kill");
    } finally {
      writers.shutdownNow();
      emulator.close();
    }
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("a request failed before the kill: " + failures.get(0));
      failures.forEach(error::addSuppressed);
      throw error;
    }
    assertTrue(acksThisRound.get() >= KILL_AFTER_ACKS, "the load did not get going: " + acksThisRound.get());
    return acksThisRound.get() + " writes acknowledged this round and " + cutOff.get() + " requests cut off";
  }

  /** Every acknowledged write is there, and every token issued so far verifies, works and refreshes. */
  private static String assertAllPresent(
      CognitoIdentityProviderClient cognito, URI endpoint, String poolId, String clientId, Acknowledged acked)
      throws Exception {
    Map<String, UserType> listed = new HashMap<>();
    String token = null;
    do {
      String pageToken = token;
      ListUsersResponse page = cognito.listUsers(r -> r.userPoolId(poolId).limit(60).paginationToken(pageToken));
      page.users().forEach(u -> listed.put(u.username(), u));
      token = page.paginationToken();
    } while (token != null && !token.isEmpty());
    assertTrue(acked.attempted.containsAll(listed.keySet()), "a user nobody signed up");
    for (Map.Entry<String, String> signedUp : acked.signedUp.entrySet()) {
      UserType user = listed.get(signedUp.getKey());
      assertNotNull(user, "acknowledged sign-up lost: " + signedUp.getKey());
      assertEquals(signedUp.getValue(), attributes(user.attributes()).get("sub"));
    }
    for (String username : acked.confirmed) {
      assertEquals(UserStatusType.CONFIRMED, listed.get(username).userStatus(), "confirmation lost: " + username);
    }

    JWKSet jwks = JWKSet.parse(Http.get(endpoint + "/" + poolId + "/.well-known/jwks.json").body());
    for (Map.Entry<String, AuthenticationResultType> login : acked.tokens.entrySet()) {
      String username = login.getKey();
      AuthenticationResultType tokens = login.getValue();
      for (String jwt : List.of(tokens.idToken(), tokens.accessToken())) {
        SignedJWT signed = SignedJWT.parse(jwt);
        JWK key = jwks.getKeyByKeyId(signed.getHeader().getKeyID());
        assertNotNull(key, "signing key lost for " + username);
        assertTrue(signed.verify(new RSASSAVerifier(key.toRSAKey())), "signature of a token of " + username);
      }
      assertEquals(username, cognito.getUser(r -> r.accessToken(tokens.accessToken())).username());
      AuthenticationResultType refreshed = Users.refresh(cognito, clientId, tokens.refreshToken());
      SignedJWT access = SignedJWT.parse(refreshed.accessToken());
      assertTrue(access.verify(new RSASSAVerifier(jwks.getKeyByKeyId(access.getHeader().getKeyID()).toRSAKey())));
    }
    return String.format(
        "all %d acknowledged sign-ups, %d confirmations and %d logins present (%d users listed); %d id+access"
            + " token pairs verified against the JWKS, used for GetUser and refreshed",
        acked.signedUp.size(), acked.confirmed.size(), acked.tokens.size(), listed.size(), acked.tokens.size());
  }

  private static Pool createPool(CognitoIdentityProviderClient cognito) {
    return Pools.pool(
        cognito,
        p -> p.poolName("durability").autoVerifiedAttributes(VerifiedAttributeType.EMAIL),
        c -> c.clientName("app")
            .explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  private static AttributeType email(String username) {
    return attr("email", username + "@example.com");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static String lastCodeOverHttp(URI endpoint, String poolId, String username) throws Exception {
    HttpResponse<String> response = Http.codes(endpoint, poolId, username);
    assertEquals(200, response.statusCode(), response.body());
    List<Object> codes = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(response.body()), "codes");
    assertFalse(codes.isEmpty(), "no code recorded for " + username + ": " + response.body());
    @SuppressWarnings("unchecked")
    Map<String, Object> last = (Map<String, Object>) codes.get(codes.size() - 1);
    assertEquals(poolId, last.get("userPoolId"));
    assertEquals(username, last.get("username"));
    assertEquals("SIGN_UP", last.get("purpose"));
    assertEquals("EMAIL", last.get("deliveryMedium"));
    assertEquals(username + "@example.com", last.get("destination"));
    String code = (String) last.get("code");
    assertTrue(code.matches("\\d{6}"), code);
    return code;
  }
}
