package dev.cognate.benchmark;

import dev.cognate.CognateConfig;
import dev.cognate.service.Passwords;
import java.security.SecureRandom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The machine the run happens on, and what its hardware allows for the work a request cannot avoid: RSA-2048
 * signatures (two per issued token pair) and password hashing at the emulator's bcrypt cost.
 */
record Machine(String description, int cores, double rsaPerSecondJdk, OptionalDouble rsaPerSecondCorretto,
               int bcryptCost, double bcryptMillis, double srpVerifierMillis) {

  private static final int WINDOWS = 3;
  private static final String CORRETTO = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
  /** About the size of the header and claims a signed Cognito token covers. */
  private static final byte[] TOKEN_BODY = "x".repeat(900).getBytes(StandardCharsets.US_ASCII);

  static Machine measure() {
    int cores = Runtime.getRuntime().availableProcessors();
    String description = cores + " cores, " + cpuModel() + ", " + memory() + " RAM, Java "
        + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + "), "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    int cost = CognateConfig.DEFAULT_BCRYPT_COST;
    Passwords passwords = new Passwords(cost, new SecureRandom());
    return new Machine(description, cores, signaturesPerSecond(null), corretto().stream()
        .mapToDouble(Machine::signaturesPerSecond).findFirst(), cost,
        millisEach(() -> passwords.hash("Passw0rd!")),
        millisEach(() -> passwords.verifier("us-east-1_benchmark", "benchmark-user", "Passw0rd!")));
  }

  /** Logins per second the machine can sign on every core: each login signs an ID and an access token. */
  double loginSigningLimit() {
    return cores * bestRsaPerSecond() / 2;
  }

  double bestRsaPerSecond() {
    return Math.max(rsaPerSecondJdk, rsaPerSecondCorretto.orElse(0));
  }

  /** Sign-ups per second the machine can hash on every core (bcrypt and the SRP verifier each sign-up stores). */
  double signUpHashingLimit() {
    return cores * 1000 / (bcryptMillis + srpVerifierMillis);
  }

  private static Optional<Provider> corretto() {
    try {
      return Optional.of((Provider) Class.forName(CORRETTO).getField("INSTANCE").get(null));
    } catch (ReflectiveOperationException | LinkageError absent) {
      return Optional.empty();
    }
  }

  /**
   * Signatures per second on one core (this thread), after a short warm-up: the best of three windows, because on a
   * shared machine the best window is the closest to what the core can do.
   */
  private static double signaturesPerSecond(Provider provider) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      Signature signature = provider == null
          ? Signature.getInstance("SHA256withRSA")
          : Signature.getInstance("SHA256withRSA", provider);
      signFor(signature, keys, 500_000_000L);
      double best = 0;
      for (int window = 0; window < WINDOWS; window++) {
        long start = System.nanoTime();
        long count = signFor(signature, keys, 700_000_000L);
        best = Math.max(best, count / ((System.nanoTime() - start) / 1e9));
      }
      return best;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot make RSA-2048 signatures", e);
    }
  }

  private static long signFor(Signature signature, KeyPair keys, long nanos) throws GeneralSecurityException {
    long end = System.nanoTime() + nanos;
    long count = 0;
    while (System.nanoTime() < end) {
      signature.initSign(keys.getPrivate());
      signature.update(TOKEN_BODY);
      signature.sign();
      count++;
    }
    return count;
  }

  /** Milliseconds one run of {@code work} takes on this thread: the best of three windows, as for signatures. */
  private static double millisEach(Runnable work) {
    for (long end = System.nanoTime() + 300_000_000L; System.nanoTime() < end; ) {
      work.run();
    }
    double best = Double.MAX_VALUE;
    for (int window = 0; window < WINDOWS; window++) {
      long start = System.nanoTime();
      long count = 0;
      while (System.nanoTime() - start < 400_000_000L) {
        work.run();
        count++;
      }
      best = Math.min(best, (System.nanoTime() - start) / 1e6 / count);
    }
    return best;
  }

  private static String cpuModel() {
    return procLine("/proc/cpuinfo", "model name").map(l -> l.replaceFirst("^[^:]*:\\s*", "")).orElse("unknown CPU");
  }

  private static String memory() {
    return procLine("/proc/meminfo", "MemTotal")
        .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0 * 10) / 10.0 + " GB")
        .orElse("unknown");
  }

  private static Optional<String> procLine(String file, String prefix) {
    try {
      return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
