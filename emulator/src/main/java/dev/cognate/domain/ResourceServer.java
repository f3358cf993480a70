package dev.cognate.domain;

import java.util.List;

/** An API whose scopes app clients may be allowed, as {@code <identifier>/<scope name>}. */
public record ResourceServer(String userPoolId, String identifier, String name, List<Scope> scopes) {

  /** One custom scope of a resource server. */
  public record Scope(String name, String description) {}

  public boolean defines(String scopeName) {
    return scopes.stream().anyMatch(s -> s.name().equals(scopeName));
  }
}
