package dev.cognate.operation.wire;

import dev.cognate.domain.ResourceServer;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import java.util.List;

/** A resource server as Cognito describes it. */
public record ResourceServerType(String UserPoolId, String Identifier, String Name, List<ScopeType> Scopes) {

  /** One scope, as requested and as described. */
  public record ScopeType(
      @Required @Length(min = 1, max = 256) @Pattern(Shapes.SCOPE_NAME) String ScopeName,
      @Required @Length(min = 1, max = 256) String ScopeDescription) {

    public ResourceServer.Scope toDomain() {
      return new ResourceServer.Scope(ScopeName, ScopeDescription);
    }
  }

  public static ResourceServerType of(ResourceServer server) {
    return new ResourceServerType(
        server.userPoolId(),
        server.identifier(),
        server.name(),
        server.scopes().stream().map(s -> new ScopeType(s.name(), s.description())).toList());
  }

  /** The scopes of a request; none when it names none. */
  public static List<ResourceServer.Scope> scopes(List<ScopeType> requested) {
    return requested == null ? List.of() : requested.stream().map(ScopeType::toDomain).toList();
  }
}
