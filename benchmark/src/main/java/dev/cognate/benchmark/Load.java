package dev.cognate.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one request shape from N keep-alive clients for a warm-up and then a fixed measured time, and stops by
 * itself. Each client is a thread with its own connection that sends its next request as soon as the last is
 * answered (closed loop), so throughput and latency describe the server at that concurrency.
 */
final class Load {
  private final URI endpoint;
  private final Duration warmUp;
  private final Duration measured;

  Load(URI endpoint, Duration warmUp, Duration measured) {
    this.endpoint = endpoint;
    this.warmUp = warmUp;
    this.measured = measured;
  }

  /** One request (or a fixed sequence of requests) of the measured kind; {@code sequence} is unique per call. */
  interface Step {
    void run(CognitoApi api, long sequence);
  }

  /** Thrown by a step when the prepared work is used up: that client stops early. */
  static final class RanOut extends RuntimeException {
    RanOut() {
      super(null, null, false, false);
    }
  }

  Throughput run(int clients, Step step) {
    AtomicLong sequence = new AtomicLong();
    long start = System.nanoTime();
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + measured.toNanos();
    List<Client> running = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Client client = new Client(step, sequence, measureFrom, end);
      running.add(client);
      client.thread.start();
    }
    long lastDone = measureFrom;
    for (Client client : running) {
      try {
        client.thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while measuring", e);
      }
      lastDone = Math.max(lastDone, client.stoppedAt);
    }
    long completed = running.stream().mapToLong(c -> c.count).sum();
    long failed = running.stream().mapToLong(c -> c.failed).sum();
    boolean ranOut = running.stream().anyMatch(c -> c.ranOut);
    String firstFailure = running.stream().map(c -> c.firstFailure).filter(f -> f != null).findFirst().orElse(null);
    long[] all = new long[(int) completed];
    int at = 0;
    for (Client client : running) {
      System.arraycopy(client.latencies, 0, all, at, client.count);
      at += client.count;
    }
    Arrays.sort(all);
    double seconds = Math.max(1, Math.min(end, lastDone) - measureFrom) / 1e9;
    return new Throughput(completed / seconds, percentile(all, 0.50), percentile(all, 0.99), completed, failed,
        firstFailure, ranOut, seconds);
  }

  private static double percentile(long[] sorted, double fraction) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private final class Client implements Runnable {
    final Thread thread = new Thread(this, "load-client");
    private final Step step;
    private final AtomicLong sequence;
    private final long measureFrom;
    private final long end;
    long[] latencies = new long[4096];
    int count;
    long failed;
    String firstFailure;
    boolean ranOut;
    long stoppedAt;

    Client(Step step, AtomicLong sequence, long measureFrom, long end) {
      this.step = step;
      this.sequence = sequence;
      this.measureFrom = measureFrom;
      this.end = end;
    }

    @Override
    public void run() {
      try (CognitoApi api = new CognitoApi(endpoint)) {
        long now = System.nanoTime();
        while (now < end) {
          long sent = now;
          boolean ok = true;
          try {
            step.run(api, sequence.getAndIncrement());
          } catch (RanOut e) {
            ranOut = true;
            break;
          } catch (CognitoApi.CallFailed e) {
            ok = false;
            if (firstFailure == null) {
              firstFailure = e.getMessage();
            }
          }
          now = System.nanoTime();
          if (sent >= measureFrom && now <= end) {
            if (ok) {
              record(now - sent);
            } else {
              failed++;
            }
          }
        }
        stoppedAt = System.nanoTime();
      }
    }

    private void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }
  }
}
