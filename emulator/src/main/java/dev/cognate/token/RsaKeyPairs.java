package dev.cognate.token;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * RSA-2048 key pairs, generated ahead on a background thread: one pair takes 100-250 ms here, and every new pool
 * needs two, which would otherwise make CreateUserPool the slowest call by far. The spares are the JVM's, not one
 * emulator's: a test run starts an emulator per test class, and each would otherwise generate (and at its close
 * throw away) spares of its own, on the cores the next class's start needs.
 */
final class RsaKeyPairs {
  static final RsaKeyPairs SHARED = new RsaKeyPairs();
  private static final int SPARE = 4;

  private final BlockingQueue<KeyPair> ready = new ArrayBlockingQueue<>(SPARE);
  private final AtomicBoolean filling = new AtomicBoolean();
  private final ThreadPoolExecutor filler =
      new ThreadPoolExecutor(
          1,
          1,
          10,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          task -> {
            Thread thread = new Thread(task, "cognate-rsa-keys");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
          });

  private RsaKeyPairs() {
    // An idle JVM-wide thread would outlive every emulator; it is started again when spares are wanted.
    filler.allowCoreThreadTimeOut(true);
  }

  /**
   * Tops the spares up in the background. Called as a pool is created, not at start-up: on two cores, generating
   * at start took 300-600 ms of CPU from the start and the first request, and a process that never creates a pool
   * (pools stored by an earlier run have their keys) needs none.
   */
  void prepareAhead() {
    if (ready.remainingCapacity() > 0 && filling.compareAndSet(false, true)) {
      filler.execute(this::fill);
    }
  }

  KeyPair next() {
    KeyPair pair = ready.poll();
    prepareAhead();
    return pair != null ? pair : generate();
  }

  private void fill() {
    try {
      while (ready.remainingCapacity() > 0) {
        ready.offer(generate());
      }
    } finally {
      filling.set(false);
    }
    // A pair taken after the last check and before the flag cleared would otherwise not be replaced.
    prepareAhead();
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
}
