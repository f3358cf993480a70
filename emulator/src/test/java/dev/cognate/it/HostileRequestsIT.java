package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.RawHttp;
import dev.cognate.support.StandaloneEmulator;
import dev.cognate.support.TestEmulator;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;

/**
 * Defects found by attacking the hardened build the way a hostile client and a busy CI would: heap pressure from
 * bodies, signatures that do not bind the operation, schema bounds, odd HTTP, a cut-off migration, a bad data path.
 */
class HostileRequestsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
  private static final String KEY = "AKIDATTACK";
  private static final String SECRET = "attack-secret";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * The body buffer is sized from the declared Content-Length before any byte arrives, so each connection that
   * declares 1 MiB and sends one byte costs a full MiB of heap for the 10 s deadline. 200 such connections
   * against a 96 MiB heap (a CI container's default share) throw OutOfMemoryError in Jetty's threads, and the
   * server then stops answering anyone, even after the clients have gone.
   */
  @Test
  @Timeout(180)
  void declaredBodyLengthsDoNotReserveHeapBeforeTheBytesArrive(@TempDir Path dir) throws Exception {
    int connections = 200;
    Process process = startJarWithHeap(dir, "96m");
    try {
      URI endpoint = awaitReady(process, dir.resolve("heap.stdout"));
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < connections; i++) {
          Socket socket = RawHttp.connect(endpoint, 60_000);
          String head =
              "POST / HTTP/1.1\r\nHost: " + RawHttp.host(endpoint) + "\r\nX-Amz-Target: " + TARGET_PREFIX
                  + "ListUserPools\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 1048576\r\n\r\n{";
          socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
          socket.getOutputStream().flush();
          stalled.add(socket);
        }
        Thread.sleep(2_000);
        String during = healthOf(endpoint);
        System.out.printf(
            "HostileRequestsIT: %d connections declaring 1 MiB bodies against a 96 MiB heap; health: %s%n",
            connections, during);
        assertEquals("200", during, "health while the stalled clients hang on");
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
      String after = healthOf(endpoint);
      assertEquals("200", after, "health after the stalled clients have gone");
      String stderr = Files.readString(dir.resolve("heap.stderr"), StandardCharsets.UTF_8);
      assertFalse(stderr.contains("OutOfMemoryError"), "the emulator ran out of heap:\n" + firstLines(stderr, 15));
    } finally {
      process.destroyForcibly();
      process.waitFor(15, TimeUnit.SECONDS);
    }
  }

  /**
   * A body within the 1 MiB limit that is a member the operation ignores, holding 350,000 empty objects
   * ({@code "X":[{},{},...]}), is read into a Jackson tree of about 35 MB before binding. Sixteen such requests at
   * once on a 256 MiB heap threw OutOfMemoryError: 32 of 48 answers were 500, 27 of them with an empty body (no
   * envelope), one never came. Here: 6 clients, 2 requests each, on a 96 MiB heap.
   */
  @Test
  @Timeout(180)
  void aMebibyteOfEmptyObjectsDoesNotExhaustTheHeap(@TempDir Path dir) throws Exception {
    StringBuilder body = new StringBuilder("{\"MaxResults\":5,\"X\":[");
    while (body.length() < 1_048_000) {
      body.append("{},");
    }
    body.setLength(body.length() - 1);
    body.append("]}");
    Process process = startJarWithHeap(dir, "96m");
    try {
      URI endpoint = awaitReady(process, dir.resolve("heap.stdout"));
      List<String> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
      List<Thread> clients = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Thread client =
            new Thread(
                () -> {
                  for (int j = 0; j < 2; j++) {
                    try {
                      RawHttp.Response response = post(endpoint, "ListUserPools", null, null, body.toString());
                      statuses.add(response.status() + " " + (response.status() == 200 ? "" : errorType(response)));
                    } catch (IOException e) {
                      statuses.add("no answer: " + e.getMessage());
                    }
                  }
                });
        client.start();
        clients.add(client);
      }
      for (Thread client : clients) {
        client.join(120_000);
      }
      System.out.printf("HostileRequestsIT: 12 bodies of 1 MiB of {} on a 96 MiB heap: %s%n", statuses);
      String stderr = Files.readString(dir.resolve("heap.stderr"), StandardCharsets.UTF_8);
      assertFalse(stderr.contains("OutOfMemoryError"), "the emulator ran out of heap:\n" + firstLines(stderr, 15));
      assertTrue(statuses.stream().allMatch(s -> s.startsWith("200") || s.startsWith("4")), statuses.toString());
      assertEquals("200", healthOf(endpoint));
    } finally {
      process.destroyForcibly();
      process.waitFor(15, TimeUnit.SECONDS);
    }
  }

  /**
   * Strict mode accepts a signature whose SignedHeaders leave out {@code host} and {@code x-amz-target}, so the
   * target is not covered: a captured, validly signed read-only DescribeUserPool is replayed within the 5-minute
   * window as DeleteUserPool (same body) and deletes the pool. AWS requires {@code host} among the signed headers;
   * the target must be signed too for the signature to bind the operation.
   */
  @Test
  void aSignatureThatDoesNotCoverTheTargetCannotBeReplayedAsAnotherOperation() throws Exception {
    try (Cognate cognate = TestEmulator.start(CognateConfig.forTests().credentials(KEY, SECRET));
        CognitoIdentityProviderClient cognito = signingClient(cognate.endpoint())) {
      String poolId = Pools.userPool(cognito, b -> {});
      String body = "{\"UserPoolId\":\"" + poolId + "\"}";
      String amzDate = AMZ_DATE.format(Instant.now());
      String authorization = authorizationSigningOnlyTheDate(amzDate, body);

      RawHttp.Response describe = post(cognate.endpoint(), "DescribeUserPool", amzDate, authorization, body);
      RawHttp.Response replayed = post(cognate.endpoint(), "DeleteUserPool", amzDate, authorization, body);
      System.out.printf(
          "HostileRequestsIT: signature over x-amz-date only: DescribeUserPool %d, replayed as DeleteUserPool %d%n",
          describe.status(), replayed.status());

      boolean survived;
      try {
        cognito.describeUserPool(b -> b.userPoolId(poolId));
        survived = true;
      } catch (ResourceNotFoundException e) {
        survived = false;
      }
      assertTrue(survived, "the replayed signature deleted the pool");
      assertEquals(400, replayed.status(), replayed.body());
      assertEquals("IncompleteSignatureException", errorType(replayed), replayed.body());
      assertEquals(400, describe.status(), describe.body());
      assertEquals("IncompleteSignatureException", errorType(describe), describe.body());
    }
  }

  /**
   * NumberAttributeConstraints are checked for shape when the pool is made but never applied to values: a
   * custom number attribute bounded 0..10 stores 11, -1 and 10^22.
   */
  @Test
  void numberAttributeValuesOutsideTheSchemaBoundsAreRefused() {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool pool =
          Pools.pool(
              cognito,
              p -> p.schema(
                  SchemaAttributeType.builder()
                      .name("level")
                      .attributeDataType(AttributeDataType.NUMBER)
                      .numberAttributeConstraints(n -> n.minValue("0").maxValue("10"))
                      .build()),
              c -> {});
      List<String> stored = new ArrayList<>();
      for (String value : List.of("11", "-1", "10000000000000000000000")) {
        try {
          signUpWith(cognito, pool, "custom:level", value);
          stored.add(value);
        } catch (InvalidParameterException refused) {
          assertTrue(
              refused.awsErrorDetails().errorMessage().startsWith("Attributes did not conform to the schema"),
              refused.awsErrorDetails().errorMessage());
        }
      }
      assertEquals(List.of(), stored, "values stored although outside MinValue 0 / MaxValue 10");
    }
  }

  /** StringAttributeConstraints.MinLength is never applied to values either: MinLength 3 stores "a". */
  @Test
  void stringAttributeValuesShorterThanMinLengthAreRefused() {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      Pool pool =
          Pools.pool(
              cognito,
              p -> p.schema(
                  SchemaAttributeType.builder()
                      .name("code")
                      .attributeDataType(AttributeDataType.STRING)
                      .stringAttributeConstraints(s -> s.minLength("3").maxLength("5"))
                      .build()),
              c -> {});
      InvalidParameterException refused =
          assertThrows(InvalidParameterException.class, () -> signUpWith(cognito, pool, "custom:code", "a"));
      assertTrue(
          refused.awsErrorDetails().errorMessage().startsWith("Attributes did not conform to the schema"),
          refused.awsErrorDetails().errorMessage());
    }
  }

  /**
   * An HTTP/0.9 request line ({@code GET /}) is the client's fault, yet it is answered 505 with
   * {@code InternalErrorException} / "An internal error occurred.", which tells a user the emulator broke.
   */
  @Test
  void aRequestLineWithoutVersionIsNotReportedAsAnInternalError() throws Exception {
    try (Cognate cognate = TestEmulator.start()) {
      RawHttp.Response response = RawHttp.exchange(cognate.endpoint(), "GET /\r\n\r\n");
      System.out.printf("HostileRequestsIT: HTTP/0.9 request line answered %d %s%n", response.status(), response.body());
      assertNotEquals("InternalErrorException", errorType(response), response.body());
      assertTrue(response.status() < 500, "status " + response.status());
    }
  }

  /**
   * A number of 2,000 digits or a member name of 100,000 characters trips Jackson's length constraints, which are
   * reported as "Request body nests deeper than 64 levels." although nothing is nested.
   */
  @Test
  void overlongNumbersAndNamesAreNotReportedAsDeepNesting() throws Exception {
    try (Cognate cognate = TestEmulator.start()) {
      List<String> bodies =
          List.of(
              "{\"MaxResults\":5,\"X\":1" + "0".repeat(2_000) + "}",
              "{\"MaxResults\":5,\"" + "k".repeat(100_000) + "\":1}");
      for (String body : bodies) {
        RawHttp.Response response = post(cognate.endpoint(), "ListUserPools", null, null, body);
        assertEquals("SerializationException", errorType(response), response.body());
        assertFalse(message(response).contains("nests deeper"), message(response));
      }
    }
  }

  /**
   * A client that declares a 2 MiB body and asks {@code Expect: 100-continue} is told {@code 100 Continue}, i.e.
   * invited to upload a body that can only be refused; if it then waits it gets a 408 after 10 s, if it sends, the
   * whole upload is drained before the 413. The declared length is known to be over the limit before any byte is
   * read, so the answer should be the 413 straight away.
   */
  @Test
  @Timeout(60)
  void anOversizedBodyAnnouncedWithExpectContinueIsRefusedBeforeItIsSent() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        Socket socket = RawHttp.connect(cognate.endpoint(), 30_000)) {
      String head =
          "POST / HTTP/1.1\r\nHost: " + RawHttp.host(cognate.endpoint()) + "\r\nX-Amz-Target: " + TARGET_PREFIX
              + "ListUserPools\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 2097152\r\n"
              + "Expect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      RawHttp.Response first = RawHttp.read(socket.getInputStream());
      System.out.printf("HostileRequestsIT: 2 MiB announced with Expect: 100-continue; first answer %d%n", first.status());
      assertEquals(413, first.status(), "first answer to an announced oversized body");
    }
  }

  /**
   * {@code --data} naming a file rather than a folder: H2 prints a 40-line stack trace to stderr before Cognate's
   * own line, and that line says only the path ({@code cognate: cannot start on 127.0.0.1:0: /path}).
   */
  @Test
  @Timeout(120)
  void aDataPathThatIsAFileIsRefusedInOneLineWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    StandaloneEmulator.Exit exit = StandaloneEmulator.runExpectingExit(file, dir.resolve("logs"), "data-is-a-file");
    System.out.printf("HostileRequestsIT: --data on a file: exit %d, stderr %d lines%n", exit.code(),
        exit.stderr().lines().count());
    assertEquals(1, exit.code());
    assertFalse(
        exit.stderr().lines().anyMatch(line -> line.matches("\\s+at .*")),
        "stack trace on stderr:\n" + firstLines(exit.stderr(), 10));
    List<String> lines = exit.stderr().lines().filter(line -> !line.isBlank()).toList();
    assertEquals(1, lines.size(), exit.stderr());
    assertTrue(lines.get(0).contains("not a folder") || lines.get(0).contains("not a directory"), lines.get(0));
  }

  /**
   * H2 commits every DDL statement on its own, so the transaction around the migrations does not make them atomic:
   * a start-up killed after {@code ALTER TABLE users ADD COLUMN version} committed but before {@code schema_version}
   * was raised leaves a database that no later start can open ({@code cognate: cannot start on ...: Duplicate column
   * name "VERSION"; SQL statement: ...}). The state is made here by lowering the recorded version of a migrated
   * database to 1, exactly what such a crash leaves behind (checked by hand: in H2, ALTER TABLE commits the open
   * transaction and a ROLLBACK after it undoes nothing).
   */
  @Test
  @Timeout(180)
  void aMigrationCutOffMidwayIsCompletedOnTheNextStart(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    try (StandaloneEmulator first = StandaloneEmulator.start(data, dir.resolve("logs"), "migrated")) {
      first.stop();
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("cognate"), "sa", "");
        Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE schema_version SET version = 1");
    }
    try (StandaloneEmulator second = StandaloneEmulator.start(data, dir.resolve("logs"), "after-cut-off")) {
      assertEquals("200", healthOf(second.endpoint()));
    } catch (AssertionError refused) {
      System.out.printf("HostileRequestsIT: a half-applied migration: %s%n", firstLines(refused.getMessage(), 2));
      throw refused;
    }
  }

  private static void signUpWith(CognitoIdentityProviderClient cognito, Pool pool, String attribute, String value) {
    cognito.signUp(
        b -> b.clientId(pool.clientId())
            .username("u" + Integer.toHexString(value.hashCode()))
            .password("Passw0rd!x")
            .userAttributes(AttributeType.builder().name(attribute).value(value).build()));
  }

  private static CognitoIdentityProviderClient signingClient(URI endpoint) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** A correct SigV4 signature whose only signed header is x-amz-date. */
  private static String authorizationSigningOnlyTheDate(String amzDate, String body) throws Exception {
    String day = amzDate.substring(0, 8);
    String scope = day + "/us-east-1/cognito-idp/aws4_request";
    String canonical =
        "POST\n/\n\nx-amz-date:" + amzDate + "\n\nx-amz-date\n" + sha256Hex(body.getBytes(StandardCharsets.UTF_8));
    String toSign =
        "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, "us-east-1");
    key = hmac(key, "cognito-idp");
    key = hmac(key, "aws4_request");
    String signature = HexFormat.of().formatHex(hmac(key, toSign));
    return "AWS4-HMAC-SHA256 Credential=" + KEY + "/" + scope + ", SignedHeaders=x-amz-date, Signature=" + signature;
  }

  private static RawHttp.Response post(URI endpoint, String operation, String amzDate, String authorization,
      String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder();
    request.append("POST / HTTP/1.1\r\nHost: ").append(RawHttp.host(endpoint)).append("\r\n");
    request.append("X-Amz-Target: ").append(TARGET_PREFIX).append(operation).append("\r\n");
    request.append("Content-Type: application/x-amz-json-1.1\r\n");
    if (amzDate != null) {
      request.append("X-Amz-Date: ").append(amzDate).append("\r\n");
    }
    if (authorization != null) {
      request.append("Authorization: ").append(authorization).append("\r\n");
    }
    request.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
    request.append(new String(bytes, StandardCharsets.ISO_8859_1));
    return RawHttp.exchange(endpoint, request.toString());
  }

  private static String errorType(RawHttp.Response response) throws IOException {
    JsonNode type = JSON.readTree(response.body()).get("__type");
    return type == null ? null : type.asText();
  }

  private static String message(RawHttp.Response response) throws IOException {
    JsonNode message = JSON.readTree(response.body()).get("message");
    return message == null ? "" : message.asText();
  }

  /** The status of GET /_cognate/health, or what went wrong instead when there was no answer within 10 s. */
  private static String healthOf(URI endpoint) {
    try (Socket socket = RawHttp.connect(endpoint, 10_000)) {
      String request = "GET /_cognate/health HTTP/1.1\r\nHost: " + RawHttp.host(endpoint) + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return String.valueOf(RawHttp.read(socket.getInputStream()).status());
    } catch (IOException e) {
      return "no answer (" + e + ")";
    }
  }

  private static Process startJarWithHeap(Path dir, String heap) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java, "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
            StandaloneEmulator.jar().toString(), "--host", "127.0.0.1", "--port", "0", "--in-memory");
    builder.redirectOutput(dir.resolve("heap.stdout").toFile());
    builder.redirectError(dir.resolve("heap.stderr").toFile());
    return builder.start();
  }

  private static URI awaitReady(Process process, Path stdout) throws Exception {
    Pattern ready = Pattern.compile("Cognate listening on (http://127\\.0\\.0\\.1:\\d+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = ready.matcher(Files.readString(stdout, StandardCharsets.UTF_8));
      if (m.find()) {
        return URI.create(m.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError("the emulator exited with " + process.exitValue());
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no ready line within 60 s");
  }

  private static String sha256Hex(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String firstLines(String text, int count) {
    return String.join("\n", text.lines().limit(count).toList());
  }
}
