package dev.cognate.benchmark;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Run in a fresh child JVM: starts Cognate through the Java API and serves one CreateUserPool, first cold and then
 * warm, and prints the milliseconds as {@code first <ms> <ms since the JVM started>} and {@code warm <ms>}
 * lines.
 */
public final class ApiStartProbe {
  private static final int WARM_STARTS = 10;

  private ApiStartProbe() {}

  public static void main(String[] args) {
    double first = startAndServe();
    System.out.println("first " + first + " " + ManagementFactory.getRuntimeMXBean().getUptime());
    List<Double> warm = new ArrayList<>();
    for (int i = 0; i < WARM_STARTS; i++) {
      warm.add(startAndServe());
    }
    System.out.println("warm " + warm.stream().sorted().toList().get(WARM_STARTS / 2));
    // Whatever the started code left running must not keep this JVM, and the parent waiting, alive.
    System.exit(0);
  }

  private static double startAndServe() {
    long started = System.nanoTime();
    try (Cognate cognate = Cognate.start(CognateConfig.forTests().build());
        CognitoApi api = new CognitoApi(cognate.endpoint())) {
      api.fire("CreateUserPool", Map.of("PoolName", "probe"));
      return (System.nanoTime() - started) / 1e6;
    }
  }
}
