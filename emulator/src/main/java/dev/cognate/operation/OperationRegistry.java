package dev.cognate.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The operations the emulator answers, by wire name. */
public final class OperationRegistry {
  private final Map<String, Operation<?, ?>> byName;

  public OperationRegistry(List<Operation<?, ?>> operations) {
    this.byName = operations.stream().collect(Collectors.toUnmodifiableMap(Operation::name, Function.identity()));
  }

  public Optional<Operation<?, ?>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public java.util.Set<String> names() {
    return new java.util.TreeSet<>(byName.keySet());
  }
}
