package dev.cognate.benchmark;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Run in a fresh child JVM: runs one test class through the JUnit Platform Launcher, as a build tool does, first
 * cold and then again warm, and prints how long the class took from its start to its end ({@code first <ms>
 * <ms with discovery>}, {@code warm <ms>}), or {@code failed <reason>}.
 */
public final class ExtensionStartProbe {
  private static final int WARM_RUNS = 5;

  private ExtensionStartProbe() {}

  public static void main(String[] args) throws ClassNotFoundException {
    Class<?> testClass = Class.forName(args[0]);
    Launcher launcher = LauncherFactory.create();
    long started = System.nanoTime();
    double firstClass = run(launcher, testClass);
    System.out.println("first " + firstClass + " " + (System.nanoTime() - started) / 1e6);
    List<Double> warm = new ArrayList<>();
    for (int i = 0; i < WARM_RUNS; i++) {
      warm.add(run(launcher, testClass));
    }
    System.out.println("warm " + warm.stream().sorted().toList().get(WARM_RUNS / 2));
    // Whatever the started code left running must not keep this JVM, and the parent waiting, alive.
    System.exit(0);
  }

  private static double run(Launcher launcher, Class<?> testClass) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
        .build();
    ClassTimer timer = new ClassTimer();
    launcher.execute(request, timer);
    if (timer.failure != null) {
      System.out.println("failed " + timer.failure);
      System.exit(1);
    }
    return timer.millis;
  }

  private static final class ClassTimer implements TestExecutionListener {
    private long started;
    double millis;
    String failure;

    @Override
    public void executionStarted(TestIdentifier test) {
      if (test.getSource().filter(ClassSource.class::isInstance).isPresent()) {
        started = System.nanoTime();
      }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && failure == null) {
        failure = test.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse("failed");
      }
      if (test.getSource().filter(ClassSource.class::isInstance).isPresent()) {
        millis = (System.nanoTime() - started) / 1e6;
      }
    }
  }
}
