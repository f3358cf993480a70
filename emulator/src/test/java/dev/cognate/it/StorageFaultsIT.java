package dev.cognate.it;

import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUp;
import static software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH;
import static software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.storage.jdbc.UnusableDatabaseException;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.StandaloneEmulator;
import dev.cognate.support.TestEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The storage faults of issue 7, produced for real: an immutable file ({@code chattr +i}, which stops root too), 4 KiB
 * of garbage written over the file, a full file system (a small tmpfs). Each test says so and is skipped where the
 * machine cannot produce its fault.
 */
class StorageFaultsIT {
  private static final String PASSWORD = "Passw0rd!";
  private static final int USERS = 120;
  private static final int BLOCK = 4096;

  @Test
  void aDatabaseInUseByAnotherEmulatorIsRefusedWithOneLine(@TempDir Path temp) throws Exception {
    Path dataDir = temp.resolve("data");
    Path file = dataDir.resolve("cognate.mv.db").toAbsolutePath();
    try (Cognate holder = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir))) {
      StandaloneEmulator.Exit exit = StandaloneEmulator.runExpectingExit(dataDir, temp, "in-use");
      assertEquals(1, exit.code(), exit.stderr());
      assertEquals(
          "cognate: cannot start on 127.0.0.1:0: the database file " + file + " is in use by another process"
              + " (another Cognate?): stop it, or give this one another --data folder or --in-memory\n",
          exit.stderr());
      System.out.println("[storage-faults] database held by another emulator: the jar exits 1 with one line");
    }
  }

  @Test
  void readOnlyDatabaseIsRefusedAtStartWithOneLine(@TempDir Path temp) throws Exception {
    Path dataDir = temp.resolve("data");
    seed(dataDir, 3);
    Path file = dataDir.resolve("cognate.mv.db").toAbsolutePath();
    assumeCommandWorks(List.of("chattr", "+i", file.toString()), "chattr +i (an immutable file)");
    try {
      String reason =
          "the database file " + file + " is read-only: Cognate needs to write it (check its permissions, its"
              + " immutable attribute and whether the file system is mounted read-only)";
      UnusableDatabaseException refused =
          assertThrows(
              UnusableDatabaseException.class, () -> TestEmulator.start(CognateConfig.forTests().dataDir(dataDir)));
      assertEquals(reason, refused.getMessage());

      StandaloneEmulator.Exit exit = StandaloneEmulator.runExpectingExit(dataDir, temp, "read-only");
      assertEquals(1, exit.code(), exit.stderr());
      assertEquals("cognate: cannot start on 127.0.0.1:0: " + reason + "\n", exit.stderr());
      assertEquals("", exit.stdout());
      System.out.println("[storage-faults] immutable database file: refused in-process and by the jar (exit 1, one line)");
    } finally {
      run(List.of("chattr", "-i", file.toString()));
    }
  }

  /**
   * Writes 4 KiB of garbage over each 4 KiB block of the file in turn. Wherever it lands, the emulator either refuses
   * to start, saying the file is damaged, or serves every pool, client and user intact; it never starts and loses rows.
   */
  @Test
  void garbageAnywhereInTheFileIsRefusedOrHarmless(@TempDir Path temp) throws Exception {
    Path original = temp.resolve("original");
    Seeded seeded = seed(original, USERS);
    byte[] bytes = Files.readAllBytes(original.resolve("cognate.mv.db"));
    Random garbage = new Random(7);
    int refusedAtOpen = 0;
    int refusedReading = 0;
    int servedWhole = 0;
    Optional<Path> startsSilentlyBeforeTheCheck = Optional.empty();
    for (int block = 0; block < bytes.length / BLOCK; block++) {
      Path dataDir = temp.resolve("block-" + block);
      Files.createDirectories(dataDir);
      byte[] damaged = bytes.clone();
      byte[] junk = new byte[BLOCK];
      garbage.nextBytes(junk);
      System.arraycopy(junk, 0, damaged, block * BLOCK, BLOCK);
      Files.write(dataDir.resolve("cognate.mv.db"), damaged);
      String prefix = "the database file " + dataDir.toAbsolutePath().resolve("cognate.mv.db") + " is damaged: reading ";
      Cognate cognate;
      try {
        cognate = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
      } catch (UnusableDatabaseException refused) {
        String message = refused.getMessage();
        assertTrue(message.startsWith(prefix), "block " + block + ": " + message);
        assertTrue(message.endsWith("; restore it from a copy or move it away to start empty"), message);
        if (message.startsWith(prefix + "its chunks")) {
          refusedAtOpen++;
        } else {
          refusedReading++;
          if (startsSilentlyBeforeTheCheck.isEmpty()) {
            startsSilentlyBeforeTheCheck = Optional.of(dataDir);
          }
        }
        continue;
      }
      try (cognate;
          CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
        try {
          assertServedWhole(cognito, seeded, "block " + block);
        } catch (RuntimeException e) {
          throw new AssertionError("started with garbage at block " + block + ", then failed to serve its data", e);
        }
        servedWhole++;
      }
    }
    System.out.printf(
        "[storage-faults] 4 KiB of garbage at each of %d blocks of a %d-user database: %d refused while opening,"
            + " %d refused while reading a table or index, %d harmless (all %d users served intact), 0 served with"
            + " rows missing%n",
        bytes.length / BLOCK, USERS, refusedAtOpen, refusedReading, servedWhole, USERS);
    assertTrue(startsSilentlyBeforeTheCheck.isPresent(), "no block hit the rows H2 reads only on demand");

    // The jar says so in one line: this copy opens fine and only fails when a table or index is read.
    Path dataDir = startsSilentlyBeforeTheCheck.get();
    StandaloneEmulator.Exit exit = StandaloneEmulator.runExpectingExit(dataDir, temp, "damaged");
    assertEquals(1, exit.code(), exit.stderr());
    String line = exit.stderr().strip();
    assertTrue(
        line.startsWith(
            "cognate: cannot start on 127.0.0.1:0: the database file "
                + dataDir.toAbsolutePath().resolve("cognate.mv.db")
                + " is damaged: reading "),
        line);
    assertEquals(1, exit.stderr().lines().count(), exit.stderr());
  }

  /**
   * A full file system (a small tmpfs) under the jar: writes that need room fail as InternalErrorException 500, every
   * read keeps answering, and once space returns writes succeed again, with every acknowledged write kept.
   */
  @Test
  void fullDiskFailsWritesOnlyAndRecovers(@TempDir Path temp) throws Exception {
    Path disk = temp.resolve("disk");
    Files.createDirectories(disk);
    assumeCommandWorks(
        List.of("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.toString()), "mounting a small tmpfs");
    Path filler = disk.resolve("filler");
    try {
      Path dataDir = disk.resolve("data");
      List<String> acknowledged = new ArrayList<>();
      int failedWrites = 0;
      try (StandaloneEmulator emulator = StandaloneEmulator.start(dataDir, temp, "full-disk");
          CognitoIdentityProviderClient cognito = TestEmulator.client(emulator.endpoint())) {
        Pool pool = Pools.pool(cognito, p -> {}, c -> c.explicitAuthFlows(ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH));
        signUp(cognito, pool.clientId(), "alice", PASSWORD, attr("email", "alice@example.com"));
        cognito.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("alice"));
        acknowledged.add("alice");
        String accessToken = signIn(cognito, pool.clientId(), "alice", PASSWORD).accessToken();

        long filled = fill(filler);
        // The first writes may still fit in space H2 holds inside its file; keep writing until one needs more.
        for (int i = 0; i < 200 && failedWrites < 3; i++) {
          String username = String.format("full-%03d", i);
          try {
            signUp(cognito, pool.clientId(), username, PASSWORD, attr("email", username + "@example.com"));
            acknowledged.add(username);
          } catch (CognitoIdentityProviderException e) {
            assertEquals(500, e.statusCode(), e.getMessage());
            assertEquals("InternalErrorException", e.awsErrorDetails().errorCode());
            assertEquals("An internal error occurred.", e.awsErrorDetails().errorMessage());
            failedWrites++;
          }
          // Reads answer all along, also right after a failed write.
          assertEquals(
              UserStatusType.CONFIRMED,
              cognito.adminGetUser(r -> r.userPoolId(pool.poolId()).username("alice")).userStatus());
        }
        assertEquals(3, failedWrites, "no write failed on the full disk");
        assertEquals(sorted(acknowledged), listUsernames(cognito, pool.poolId()));
        assertEquals("alice", cognito.getUser(r -> r.accessToken(accessToken)).username());
        assertEquals("cognate-it", cognito.describeUserPool(r -> r.userPoolId(pool.poolId())).userPool().name());
        String file = dataDir.toAbsolutePath().resolve("cognate.mv.db").toString();
        List<String> warnings = emulator.logLines().stream().filter(line -> line.contains(" WARN ")).toList();
        assertEquals(1, warnings.size(), String.join("\n", warnings));
        assertTrue(
            warnings.get(0).endsWith(
                "WARN ReopeningPool - H2 closed the database file " + file + " after a write to it failed; reopened it"
                    + " as last saved, read-only while its disk is full (0 bytes free): reads go on, writes fail until"
                    + " there is room"),
            warnings.get(0));

        Files.delete(filler);
        signUp(cognito, pool.clientId(), "after", PASSWORD, attr("email", "after@example.com"));
        acknowledged.add("after");
        assertEquals(sorted(acknowledged), listUsernames(cognito, pool.poolId()));
        assertTrue(
            emulator.logLines().stream()
                .anyMatch(line -> line.contains("INFO ReopeningPool - The disk holding the database file " + file
                    + " has room again (")),
            emulator.stderr());
        assertEquals(
            "alice", cognito.getUser(r -> r.accessToken(signIn(cognito, pool.clientId(), "alice", PASSWORD).accessToken())).username());

        System.out.printf(
            "[storage-faults] full tmpfs (filler of %d KiB): %d writes acknowledged on the full disk, %d failed as"
                + " InternalErrorException 500, one warning, every read answered; after space returned a"
                + " write and a login succeeded%n",
            filled / 1024, acknowledged.size() - 2, failedWrites);
        emulator.kill();
      }
      try (StandaloneEmulator restarted = StandaloneEmulator.start(dataDir, temp, "full-disk-restart");
          CognitoIdentityProviderClient cognito = TestEmulator.client(restarted.endpoint())) {
        String poolId = cognito.listUserPools(r -> r.maxResults(10)).userPools().get(0).id();
        assertEquals(sorted(acknowledged), listUsernames(cognito, poolId));
      }
    } finally {
      Files.deleteIfExists(filler);
      run(List.of("umount", disk.toString()));
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Writes zeros until the file system is full; returns how many bytes it took. */
  private static long fill(Path filler) throws IOException {
    byte[] zeros = new byte[64 * 1024];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(zeros);
        written += zeros.length;
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
        throw e;
      }
    }
    return written;
  }

  private static List<String> sorted(List<String> usernames) {
    return usernames.stream().sorted().toList();
  }

  private static List<String> listUsernames(CognitoIdentityProviderClient cognito, String poolId) {
    List<String> usernames = new ArrayList<>();
    String token = null;
    do {
      String pageToken = token;
      ListUsersResponse page = cognito.listUsers(r -> r.userPoolId(poolId).limit(60).paginationToken(pageToken));
      page.users().forEach(user -> usernames.add(user.username()));
      token = page.paginationToken();
    } while (token != null && !token.isEmpty());
    Collections.sort(usernames);
    return usernames;
  }

  /**
   * A pool, a client and the given number of users, in a file database that is then closed and compacted, so that
   * nearly every block of the file holds live rows and garbage anywhere hits something.
   */
  private static Seeded seed(Path dataDir, int users) throws SQLException {
    Seeded seeded;
    try (Cognate cognate = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool pool = Pools.defaultPool(cognito);
      Map<String, Map<String, String>> expected = new HashMap<>();
      for (int i = 0; i < users; i++) {
        String username = String.format("user-%03d", i);
        String sub =
            signUp(cognito, pool.clientId(), username, PASSWORD, attr("email", username + "@example.com"))
                .userSub();
        expected.put(username, Map.of("sub", sub, "email", username + "@example.com", "email_verified", "false"));
      }
      seeded = new Seeded(pool, expected);
    }
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("cognate"), "sa", "");
        Statement st = c.createStatement()) {
      st.execute("SHUTDOWN COMPACT");
    }
    return seeded;
  }

  private static void assertServedWhole(CognitoIdentityProviderClient cognito, Seeded seeded, String where) {
    String poolId = seeded.pool().poolId();
    assertEquals("cognate-it", cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().name(), where);
    assertEquals(
        "web",
        cognito
            .describeUserPoolClient(r -> r.userPoolId(poolId).clientId(seeded.pool().clientId()))
            .userPoolClient()
            .clientName(),
        where);
    Map<String, Map<String, String>> listed = new HashMap<>();
    String token = null;
    do {
      String pageToken = token;
      ListUsersResponse page = cognito.listUsers(r -> r.userPoolId(poolId).limit(60).paginationToken(pageToken));
      for (UserType user : page.users()) {
        listed.put(user.username(), attributes(user.attributes()));
      }
      token = page.paginationToken();
    } while (token != null && !token.isEmpty());
    assertEquals(seeded.users(), listed, where);
    for (String username : seeded.users().keySet()) {
      assertEquals(
          seeded.users().get(username).get("sub"),
          attributes(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userAttributes()).get("sub"),
          where);
    }
  }

  private static void assumeCommandWorks(List<String> command, String what) throws Exception {
    int code;
    try {
      code = run(command);
    } catch (IOException e) {
      code = -1;
    }
    Assumptions.assumeTrue(code == 0, what + " is not available on this machine, so this fault cannot be produced");
  }

  private static int run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(command + " did not finish");
    }
    return process.exitValue();
  }

  private record Seeded(Pool pool, Map<String, Map<String, String>> users) {}
}
