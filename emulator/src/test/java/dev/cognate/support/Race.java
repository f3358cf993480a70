package dev.cognate.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/** Runs SDK calls from many threads at once, all released by one start gate, and records how each one ended. */
public final class Race {
  private static final long TIMEOUT_SECONDS = 60;

  private Race() {}

  /** What one call ended with: its value on success, or the error code, status and message. */
  public record Outcome(String value, String errorCode, int status, String message) {
    static Outcome success(String value) {
      return new Outcome(value, null, 200, null);
    }

    public boolean ok() {
      return errorCode == null;
    }

    public boolean is(String code) {
      return code.equals(errorCode);
    }

    public boolean serverError() {
      return status >= 500 || status < 0;
    }

    @Override
    public String toString() {
      return ok() ? "OK(" + value + ")" : errorCode + "/" + status + ": " + message;
    }
  }

  /** One call of a race; its index tells the calls apart. */
  public interface Call {
    String run(int index);
  }

  /** Runs {@code count} calls on {@code threads} threads; the outcomes come back in call order. */
  public static List<Outcome> run(int threads, int count, Call call) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(Math.min(count, threads));
      CountDownLatch gate = new CountDownLatch(1);
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        Callable<Outcome> task =
            () -> {
              ready.countDown();
              if (!gate.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new TimeoutException("start gate never opened");
              }
              return outcomeOf(() -> call.run(index));
            };
        futures.add(executor.submit(task));
      }
      if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new TimeoutException("worker threads did not start");
      }
      gate.countDown();
      List<Outcome> outcomes = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
      return outcomes;
    } finally {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** Runs one call and records how it ended. */
  public static Outcome outcomeOf(java.util.function.Supplier<String> call) {
    try {
      return Outcome.success(call.get());
    } catch (CognitoIdentityProviderException e) {
      return new Outcome(null, e.awsErrorDetails().errorCode(), e.statusCode(), e.awsErrorDetails().errorMessage());
    } catch (RuntimeException e) {
      return new Outcome(null, e.getClass().getName(), -1, e.getMessage());
    }
  }
}
