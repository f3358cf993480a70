package dev.cognate.token;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * RSA-2048 key pairs, generated ahead on a background thread: one pair takes 100-250 ms here, and every new pool
 * needs two, which would otherwise make CreateUserPool the slowest call by far.
 */
final class RsaKeyPairs implements AutoCloseable {
  private static final int SPARE = 4;

  private final BlockingQueue<KeyPair> ready = new ArrayBlockingQueue<>(SPARE);
  private final ExecutorService filler =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "cognate-rsa-keys");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
          });

  /** Starts generating spares; called once the server listens, so that start-up does not compete with it. */
  void prepareAhead() {
    for (int i = 0; i < SPARE; i++) {
      filler.execute(this::addOne);
    }
  }

  KeyPair next() {
    KeyPair pair = ready.poll();
    if (!filler.isShutdown()) {
      filler.execute(this::addOne);
    }
    return pair != null ? pair : generate();
  }

  private void addOne() {
    if (ready.remainingCapacity() > 0) {
      ready.offer(generate());
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = RsaProvider.keyPairGenerator();
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no RSA", e);
    }
  }

  @Override
  public void close() {
    filler.shutdownNow();
  }
}
