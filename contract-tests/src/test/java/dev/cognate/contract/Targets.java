package dev.cognate.contract;

import dev.cognate.Cognate;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/** Chooses the target from {@code -Dcognate.target} (emulator, endpoint, aws) and {@code -Dcognate.endpoint}. */
final class Targets {
  private Targets() {}

  /** A target ready to use, or the reason this run cannot use it; closing it deletes what the run created. */
  record Resolved(Optional<Target> target, String reason) implements AutoCloseable {
    static Resolved of(Target target) {
      return new Resolved(Optional.of(target), null);
    }

    static Resolved unavailable(String reason) {
      return new Resolved(Optional.empty(), reason);
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
        return AwsTarget.resolve();
      default:
        throw new IllegalArgumentException("cognate.target must be emulator, endpoint or aws, not " + name);
    }
  }
}
