package dev.cognate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The triggers of every pool: those registered for one pool id, and those for every pool, which a pool's own
 * trigger of the same kind replaces.
 */
public record Triggers(Map<String, Map<TriggerKind, Trigger>> byPool, Map<TriggerKind, Trigger> forAllPools) {

  public Triggers {
    Map<String, Map<TriggerKind, Trigger>> pools = new LinkedHashMap<>();
    byPool.forEach((pool, kinds) -> pools.put(pool, Collections.unmodifiableMap(new EnumMap<>(kinds))));
    byPool = Collections.unmodifiableMap(pools);
    forAllPools = Collections.unmodifiableMap(forAllPools.isEmpty() ? Map.of() : new EnumMap<>(forAllPools));
  }

  public static Triggers none() {
    return new Triggers(Map.of(), Map.of());
  }

  public Optional<Trigger> find(String userPoolId, TriggerKind kind) {
    Trigger own = byPool.getOrDefault(userPoolId, Map.of()).get(kind);
    return Optional.ofNullable(own != null ? own : forAllPools.get(kind));
  }
}
