package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.support.RawHttp;
import dev.cognate.support.TestEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The 64 MiB budget that all request bodies share: every way a body can end (cut off, timed out, too large, sent
 * to no route, abandoned before its answer) must give its bytes back, and a handful of slow clients must not be
 * able to hold the whole budget so that every other caller is refused.
 */
class BodyBudgetIT {
  private static final int ONE_MIB = 1024 * 1024;
  private static final String TARGET = "AWSCognitoIdentityProviderService.ListUserPools";

  @Test
  @Timeout(120)
  void everyWayABodyEndsGivesItsBytesBack() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = sdkWithDefaultRetries(cognate.endpoint())) {
      URI endpoint = cognate.endpoint();
      Map<String, Integer> statuses = new TreeMap<>();
      for (int i = 0; i < 80; i++) {
        try (Socket socket = RawHttp.connect(endpoint, 15_000)) {
          sendHeadAndBody(socket, "/", ONE_MIB, ONE_MIB - 1);
        }
        statuses.merge("cut-off", 1, Integer::sum);
      }
      for (int i = 0; i < 80; i++) {
        try (Socket socket = RawHttp.connect(endpoint, 15_000)) {
          sendHeadAndBody(socket, "/", ONE_MIB - 1, ONE_MIB - 1);
        }
        statuses.merge("abandoned before the answer", 1, Integer::sum);
      }
      for (int i = 0; i < 80; i++) {
        statuses.merge("oversized " + exchange(endpoint, "/", ONE_MIB + 1, ONE_MIB + 1), 1, Integer::sum);
      }
      for (int i = 0; i < 80; i++) {
        statuses.merge("no route " + exchange(endpoint, "/nowhere", ONE_MIB - 1, ONE_MIB - 1), 1, Integer::sum);
      }
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 70; i++) {
          Socket socket = RawHttp.connect(endpoint, 30_000);
          sendHeadAndBody(socket, "/", ONE_MIB, ONE_MIB - 1);
          stalled.add(socket);
        }
        for (Socket socket : stalled) {
          statuses.merge("stalled " + RawHttp.read(socket.getInputStream()).status(), 1, Integer::sum);
        }
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
      Thread.sleep(500);
      int pools = cognito.listUserPools(b -> b.maxResults(10)).userPools().size();
      System.out.printf("BodyBudgetIT: bodies of about 1 MiB that ended badly %s; ListUserPools afterwards answered"
          + " (%d pools)%n", statuses, pools);
    }
  }

  /**
   * 64 connections that each send 1 MiB less one byte of a 1 MiB body, and 70 more that send one byte, then wait,
   * fill the whole 64 MiB budget until the 10 s deadline (and could reconnect to fill it again); an ordinary call
   * must still be answered, as the first 64 KiB of a body are never counted against the budget.
   */
  @Test
  @Timeout(120)
  void aFewSlowClientsDoNotLockEveryoneElseOut() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = sdkWithDefaultRetries(cognate.endpoint())) {
      URI endpoint = cognate.endpoint();
      int connections = 64;
      int topUps = 70;
      List<Socket> stalled = new ArrayList<>();
      String outcome;
      try {
        for (int i = 0; i < connections; i++) {
          Socket socket = RawHttp.connect(endpoint, 30_000);
          sendHeadAndBody(socket, "/", ONE_MIB, ONE_MIB - 1);
          stalled.add(socket);
        }
        // The big bodies leave 64 bytes of the budget; one byte on each of as many more connections takes them,
        // once the server has read the big ones (a big body whose last bytes find the budget full is refused).
        Thread.sleep(1_000);
        for (int i = 0; i < topUps; i++) {
          Socket socket = RawHttp.connect(endpoint, 30_000);
          sendHeadAndBody(socket, "/", ONE_MIB, 1);
          stalled.add(socket);
        }
        Thread.sleep(500);
        try {
          outcome = "answered, " + cognito.listUserPools(b -> b.maxResults(10)).userPools().size() + " pools";
        } catch (RuntimeException e) {
          outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
      System.out.printf(
          "BodyBudgetIT: %d clients each holding 1 MiB - 1 byte of body and %d holding 1 byte; a normal SDK call"
              + " meanwhile: %s%n",
          connections, topUps, outcome);
      assertTrue(outcome.startsWith("answered"), outcome);
    }
  }

  private static int exchange(URI endpoint, String path, int declared, int sent) throws IOException {
    try (Socket socket = RawHttp.connect(endpoint, 15_000)) {
      sendHeadAndBody(socket, path, declared, sent);
      return RawHttp.read(socket.getInputStream()).status();
    }
  }

  private static void sendHeadAndBody(Socket socket, String path, int declared, int sent) throws IOException {
    String head =
        "POST " + path + " HTTP/1.1\r\nHost: " + socket.getInetAddress().getHostAddress() + ":" + socket.getPort()
            + "\r\nX-Amz-Target: " + TARGET + "\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: "
            + declared + "\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    byte[] filler = new byte[64 * 1024];
    Arrays.fill(filler, (byte) ' ');
    int left = sent;
    try {
      while (left > 0) {
        int n = Math.min(left, filler.length);
        out.write(filler, 0, n);
        left -= n;
      }
      out.flush();
    } catch (IOException refusedMidway) {
      // The server may answer 413 or 429 and close before the whole body is sent; that is one of the endings.
    }
  }

  private static CognitoIdentityProviderClient sdkWithDefaultRetries(URI endpoint) {
    return CognitoIdentityProviderClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
