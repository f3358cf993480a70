package dev.cognate.service;

import dev.cognate.domain.AppClient;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.ClientStore;
import dev.cognate.storage.PoolStore;

/** Finds pools and app clients, answering Cognito's ResourceNotFoundException when they do not exist. */
public final class Directory {
  private final PoolStore pools;
  private final ClientStore clients;

  public Directory(PoolStore pools, ClientStore clients) {
    this.pools = pools;
    this.clients = clients;
  }

  /** An app client together with the pool it belongs to. */
  public record ClientInPool(UserPool pool, AppClient client) {}

  public UserPool pool(String userPoolId) {
    return pools
        .find(userPoolId)
        .orElseThrow(() -> CognitoException.notFound("User pool " + userPoolId + " does not exist."));
  }

  /** The client named by an unsigned operation, which carries no pool id. */
  public ClientInPool client(String clientId) {
    AppClient client = clients.find(clientId).orElseThrow(() -> clientNotFound(clientId));
    return new ClientInPool(pool(client.userPoolId()), client);
  }

  /** The client named by an admin operation, which must belong to the named pool. */
  public ClientInPool client(String userPoolId, String clientId) {
    UserPool pool = pool(userPoolId);
    AppClient client =
        clients.find(clientId).filter(c -> c.userPoolId().equals(userPoolId)).orElseThrow(() -> clientNotFound(clientId));
    return new ClientInPool(pool, client);
  }

  private static CognitoException clientNotFound(String clientId) {
    return CognitoException.notFound("User pool client " + clientId + " does not exist.");
  }
}
