package dev.cognate.operation;

import dev.cognate.storage.DeadlockVictimException;
import dev.cognate.storage.ParentGoneException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The operations the emulator answers, by wire name. */
public final class OperationRegistry {
  private static final int MAX_ATTEMPTS = 3;

  private final Map<String, Operation<?, ?>> byName;

  public OperationRegistry(List<Operation<?, ?>> operations) {
    this.byName = operations.stream().collect(Collectors.toUnmodifiableMap(Operation::name, Function.identity()));
  }

  /**
   * Runs an operation. One whose write lost a race with a deletion (its pool went meanwhile) stored nothing, so it
   * runs again and then answers as if it had come second: {@code ResourceNotFoundException}, not a server error. So
   * does one whose transaction the database rolled back to break a deadlock, after a short random pause: run again at
   * once, it would take its first lock before the surviving transaction finished and meet it again.
   */
  public static <Q extends Record, R> R run(Operation<Q, R> operation, Q request, RequestContext context) {
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.handle(request, context);
      } catch (ParentGoneException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
      } catch (DeadlockVictimException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
        pauseBeforeRetry(attempt);
      }
    }
  }

  private static void pauseBeforeRetry(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted before running a request again", e);
    }
  }

  public Optional<Operation<?, ?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public java.util.Set<String> names() {
    return new java.util.TreeSet<>(byName.keySet());
  }
}
