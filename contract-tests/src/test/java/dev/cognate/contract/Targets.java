package dev.cognate.contract;

import dev.cognate.Cognate;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/** Chooses the target from {@code -Dcognate.target} (emulator, endpoint, aws) and {@code -Dcognate.endpoint}. */
final class Targets {
  private Targets() {}

  /**
   * The target ready to use, or why the target the run named cannot run here (kept, so every case fails with the
   * reason without asking again); closing it deletes what the run created.
   */
  record Resolved(Optional<Target> target, Optional<RuntimeException> failure) implements AutoCloseable {
    static Resolved of(Target target) {
      return new Resolved(Optional.of(target), Optional.empty());
    }

    static Resolved failed(RuntimeException failure) {
      return new Resolved(Optional.empty(), Optional.of(failure));
    }

    Target get() {
      return target.orElseThrow(failure::orElseThrow);
    }

    @Override
    public void close() {
      target.ifPresent(Target::close);
    }
  }

  static String chosen() {
    String name = System.getProperty("cognate.target", "");
    return name.isBlank() ? "emulator" : name.strip();
  }

  static Resolved resolve(Cognate inProcess) {
    String name = chosen();
    switch (name) {
      case "emulator":
        return Resolved.of(new EmulatorTarget(inProcess));
      case "endpoint":
        String endpoint = System.getProperty("cognate.endpoint", "");
        if (!endpoint.isBlank()) {
          return Resolved.of(EndpointTarget.at(URI.create(endpoint.strip())));
        }
        try {
          return Resolved.of(EndpointTarget.standalone());
        } catch (IOException e) {
          throw new IllegalStateException("could not start a standalone emulator", e);
        }
      case "aws":
        try {
          return Resolved.of(AwsTarget.resolve());
        } catch (IllegalStateException e) {
          return Resolved.failed(e);
        }
      default:
        throw new IllegalArgumentException("cognate.target must be emulator, endpoint or aws, not " + name);
    }
  }
}
