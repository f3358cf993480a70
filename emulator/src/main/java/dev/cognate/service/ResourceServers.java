package dev.cognate.service;

import dev.cognate.domain.ResourceServer;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.ResourceServerStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Resource servers and their scopes; an identifier is unique within its pool. */
public final class ResourceServers {
  private final ResourceServerStore servers;

  public ResourceServers(ResourceServerStore servers) {
    this.servers = servers;
  }

  public ResourceServer create(UserPool pool, String identifier, String name, List<ResourceServer.Scope> scopes) {
    ResourceServer server = new ResourceServer(pool.id(), identifier, name, distinct(scopes));
    if (!servers.insert(server)) {
      throw CognitoException.invalidParameter(
          "A resource server with identifier " + identifier + " already exists in this user pool.");
    }
    return server;
  }

  public ResourceServer find(UserPool pool, String identifier) {
    return servers.find(pool.id(), identifier).orElseThrow(() -> notFound(identifier));
  }

  public ResourceServer update(UserPool pool, String identifier, String name, List<ResourceServer.Scope> scopes) {
    ResourceServer server = new ResourceServer(pool.id(), identifier, name, distinct(scopes));
    if (!servers.replace(server)) {
      throw notFound(identifier);
    }
    return server;
  }

  public void delete(UserPool pool, String identifier) {
    if (!servers.delete(pool.id(), identifier)) {
      throw notFound(identifier);
    }
  }

  private static List<ResourceServer.Scope> distinct(List<ResourceServer.Scope> scopes) {
    Set<String> names = new HashSet<>();
    for (ResourceServer.Scope scope : scopes) {
      if (!names.add(scope.name())) {
        throw CognitoException.invalidParameter("Duplicate scope name " + scope.name() + " in the resource server.");
      }
    }
    return List.copyOf(scopes);
  }

  private static CognitoException notFound(String identifier) {
    return CognitoException.notFound("Resource server " + identifier + " does not exist.");
  }
}
