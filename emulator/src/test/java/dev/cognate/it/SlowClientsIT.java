package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.support.Http;
import dev.cognate.support.RawHttp;
import dev.cognate.support.TestEmulator;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Clients that dawdle over their request body, or never finish it, must not cost anyone else an answer: a health
 * check and a real SDK call are answered while hundreds of them hang on, and each is cut off with a 408.
 */
class SlowClientsIT {
  private static final int SLOW_CLIENTS = 300;
  private static final int BURST = 200;
  private static final long ANSWER_WITHIN_SECONDS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @Timeout(120)
  void oneByteASecondBodiesDoNotStarveOthers() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      List<Socket> slow = openPosts(cognate.endpoint(), SLOW_CLIENTS, 1_000, "{");
      ScheduledExecutorService dribble = Executors.newSingleThreadScheduledExecutor();
      try {
        dribble.scheduleAtFixedRate(() -> sendOneByteEach(slow), 1, 1, TimeUnit.SECONDS);
        Thread.sleep(3_000);

        long healthMillis = timeHealth(cognate.endpoint());
        long sdkMillis = timeSdkCall(cognito);
        System.out.printf(
            "SlowClientsIT: %d clients sending a body one byte a second; health answered in %d ms, ListUserPools in"
                + " %d ms; server threads alive %d%n",
            SLOW_CLIENTS, healthMillis, sdkMillis, serverThreads());
      } finally {
        dribble.shutdownNow();
        closeAll(slow);
      }
    }
  }

  @Test
  @Timeout(120)
  void stalledBodiesDoNotStarveOthersAndAreCutOffWith408() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      long opened = System.nanoTime();
      List<Socket> stalled = openPosts(cognate.endpoint(), SLOW_CLIENTS, 100, "{\"MaxResults\":");
      try {
        Thread.sleep(1_000);
        long healthMillis = timeHealth(cognate.endpoint());
        long sdkMillis = timeSdkCall(cognito);
        long threads = serverThreads();

        Socket first = stalled.get(0);
        first.setSoTimeout(60_000);
        RawHttp.Response cutOff = RawHttp.read(first.getInputStream());
        long cutOffMillis = (System.nanoTime() - opened) / 1_000_000;
        assertEquals(408, cutOff.status(), cutOff.toString());
        JsonNode body = JSON.readTree(cutOff.body());
        assertEquals("RequestTimeoutException", body.get("__type").asText(), cutOff.body());
        assertEquals("RequestTimeoutException:", cutOff.header("x-amzn-ErrorType"), cutOff.toString());
        assertTrue(cutOff.header("content-type").startsWith("application/x-amz-json-1.1"), cutOff.toString());
        System.out.printf(
            "SlowClientsIT: %d stalled bodies; health answered in %d ms, ListUserPools in %d ms; server threads"
                + " alive %d; a stalled client was cut off with 408 after %d ms%n",
            SLOW_CLIENTS, healthMillis, sdkMillis, threads, cutOffMillis);
      } finally {
        closeAll(stalled);
      }
    }
  }

  @Test
  @Timeout(120)
  void aBurstOfConnectionsAtAFreshStartIsAllAnswered() throws Exception {
    try (Cognate cognate = TestEmulator.start()) {
      URI endpoint = cognate.endpoint();
      ExecutorService pool = Executors.newFixedThreadPool(BURST);
      CountDownLatch go = new CountDownLatch(1);
      try {
        List<Future<Long>> answers = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    go.await();
                    long sent = System.nanoTime();
                    int status =
                        RawHttp.exchange(
                                endpoint,
                                "GET /_cognate/health HTTP/1.1\r\nHost: " + RawHttp.host(endpoint)
                                    + "\r\nConnection: close\r\n\r\n")
                            .status();
                    assertEquals(200, status);
                    return (System.nanoTime() - sent) / 1_000_000;
                  }));
        }
        long started = System.nanoTime();
        go.countDown();
        List<String> failures = new ArrayList<>();
        int ok = 0;
        long slowest = 0;
        for (Future<Long> answer : answers) {
          try {
            slowest = Math.max(slowest, answer.get(60, TimeUnit.SECONDS));
            ok++;
          } catch (java.util.concurrent.ExecutionException e) {
            failures.add(e.getCause().toString());
          }
        }
        System.out.printf(
            "SlowClientsIT: burst of %d connections at a fresh start: %d answered 200 within %d ms (slowest"
                + " connection %d ms), failures %s%n",
            BURST, ok, (System.nanoTime() - started) / 1_000_000, slowest, failures.stream().distinct().toList());
        assertEquals(List.of(), failures);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Opens connections that announce a body of the given length and send only its first bytes. */
  private static List<Socket> openPosts(URI endpoint, int count, int declaredLength, String start)
      throws IOException {
    List<Socket> sockets = new ArrayList<>();
    String head =
        "POST / HTTP/1.1\r\nHost: " + RawHttp.host(endpoint)
            + "\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools"
            + "\r\nContent-Length: " + declaredLength + "\r\n\r\n" + start;
    for (int i = 0; i < count; i++) {
      Socket socket = RawHttp.connect(endpoint, 1_000);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      sockets.add(socket);
    }
    return sockets;
  }

  private static void sendOneByteEach(List<Socket> sockets) {
    for (Socket socket : sockets) {
      try {
        socket.getOutputStream().write(' ');
        socket.getOutputStream().flush();
      } catch (IOException cutOff) {
        // The server may already have cut this client off; that is what it should do.
      }
    }
  }

  private static long timeHealth(URI endpoint) throws Exception {
    long started = System.nanoTime();
    var response =
        CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return Http.get(endpoint.resolve("/_cognate/health"));
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode(), response.body());
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static long timeSdkCall(CognitoIdentityProviderClient cognito) throws Exception {
    long started = System.nanoTime();
    CompletableFuture.supplyAsync(() -> cognito.listUserPools(r -> r.maxResults(1)))
        .get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** Threads of Jetty's pool (Javalin names them), to show that waiting clients do not each hold one. */
  private static long serverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("JettyServerThreadPool"))
        .count();
  }

  private static void closeAll(List<Socket> sockets) {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing is best effort; the test is over.
      }
    }
  }
}
