package dev.cognate.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Everything measured on one target's server: cold starts, then one more start that serves the whole workload,
 * with resident memory read after start and after the load. The server is stopped before this returns.
 */
final class TargetRun {
  private static final Duration READY_WITHIN = Duration.ofSeconds(90);

  private TargetRun() {}

  static Map<String, Cell> measure(Options.Peer target, Options options, Path work, Consumer<String> progress) {
    Map<String, Cell> rows = new LinkedHashMap<>();
    if (target.running()) {
      URI endpoint = URI.create(target.commandOrUrl());
      rows.put(Rows.COLD_START, Cell.unavailable("given as a running endpoint"));
      rows.put(Rows.RSS_AFTER_START, rss(ServerProcess.ListeningProcess.on(endpoint.getPort())
          .map(ServerProcess.ListeningProcess::rssMegabytes).orElse(OptionalLong.empty())));
      new Workload(endpoint, Optional.empty(), options, progress).measure(rows);
      rows.put(Rows.RSS_AFTER_LOAD, rss(ServerProcess.ListeningProcess.on(endpoint.getPort())
          .map(ServerProcess.ListeningProcess::rssMegabytes).orElse(OptionalLong.empty())));
      return rows;
    }
    progress.accept(target.name() + ": " + options.coldStarts() + " cold starts");
    rows.put(Rows.COLD_START, coldStarts(target.commandOrUrl(), options.coldStarts(), work));
    try (ServerProcess server = ServerProcess.start(target.commandOrUrl(), work.resolve("main"))) {
      Optional<String> down = awaitReady(server);
      if (down.isPresent()) {
        rows.put(Rows.SETUP, Cell.unavailable("start: " + down.get()));
        return rows;
      }
      rows.put(Rows.RSS_AFTER_START, rss(server.rssMegabytes()));
      new Workload(URI.create("http://127.0.0.1:" + server.port), Optional.of(server.workDir), options, progress)
          .measure(rows);
      rows.put(Rows.RSS_AFTER_LOAD, rss(server.rssMegabytes()));
    }
    return rows;
  }

  private static Cell coldStarts(String command, int times, Path work) {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      long started = System.nanoTime();
      try (ServerProcess server = ServerProcess.start(command, work.resolve("cold-" + i))) {
        Optional<String> down = awaitReady(server);
        if (down.isPresent()) {
          return Cell.unavailable(down.get());
        }
        millis.add((System.nanoTime() - started) / 1e6);
      }
    }
    List<Double> sorted = millis.stream().sorted().toList();
    return Cell.millis(sorted.get(sorted.size() / 2), "median of " + times + "; "
        + Format.millis(sorted.get(0)) + " to " + Format.millis(sorted.get(sorted.size() - 1)));
  }

  /** Polls CreateUserPool until the server answers it; empty when it did, else why not. */
  private static Optional<String> awaitReady(ServerProcess server) {
    URI endpoint = URI.create("http://127.0.0.1:" + server.port);
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!server.alive()) {
        return Optional.of("exited before serving: " + server.logTail());
      }
      try (CognitoApi api = new CognitoApi(endpoint)) {
        api.fire("CreateUserPool", Map.of("PoolName", "ready"));
        return Optional.empty();
      } catch (CognitoApi.CallFailed e) {
        last = e.getMessage();
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted");
      }
    }
    return Optional.of("not serving CreateUserPool within " + READY_WITHIN.toSeconds() + " s: " + last);
  }

  private static Cell rss(OptionalLong megabytes) {
    return megabytes.isPresent()
        ? Cell.megabytes(megabytes.getAsLong())
        : Cell.unavailable("no process found listening on the port");
  }
}
