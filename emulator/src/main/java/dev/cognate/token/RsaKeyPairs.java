package dev.cognate.token;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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

  /** Tops the spares up; called once an emulator listens, so that its start-up does not compete with it. */
  void prepareAhead() {
    for (int i = ready.size(); i < SPARE; i++) {
      filler.execute(this::addOne);
    }
  }

  KeyPair next() {
    KeyPair pair = ready.poll();
    filler.execute(this::addOne);
    return pair != null ? pair : generate();
  }

  private void addOne() {
    if (ready.remainingCapacity() > 0) {
      ready.offer(generate());
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no RSA", e);
    }
  }
}
