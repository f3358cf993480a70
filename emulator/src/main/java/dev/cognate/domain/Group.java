package dev.cognate.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A user pool group: a name users are put under, with an optional IAM role and precedence. */
public record Group(
    String userPoolId,
    String name,
    String description,
    String roleArn,
    Integer precedence,
    Instant createdAt,
    Instant modifiedAt) {

  /**
   * The order of a user's groups in tokens: lower precedence first, groups without one after all that have one
   * (Cognito: lower values take precedence over "higher or null" ones), then by name so that the order is stable.
   */
  public static final Comparator<Group> TOKEN_ORDER =
      Comparator.comparing(Group::precedence, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Group::name);

  /** The distinct roles of {@code groups}, in their order. */
  public static List<String> roles(List<Group> groups) {
    Set<String> roles = new LinkedHashSet<>();
    groups.stream().map(Group::roleArn).filter(Objects::nonNull).forEach(roles::add);
    return List.copyOf(roles);
  }

  /**
   * The role of the highest-precedence groups that carry one. Groups of equal precedence do not outrank each other,
   * so when they carry different roles there is no preferred role.
   */
  public static Optional<String> preferredRole(List<Group> groups) {
    List<Group> withRoles = groups.stream().filter(g -> g.roleArn() != null).sorted(TOKEN_ORDER).toList();
    if (withRoles.isEmpty()) {
      return Optional.empty();
    }
    Integer best = withRoles.get(0).precedence();
    List<String> candidates =
        withRoles.stream()
            .filter(g -> Objects.equals(g.precedence(), best))
            .map(Group::roleArn)
            .distinct()
            .toList();
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }
}
