package dev.cognate.state;

import dev.cognate.storage.ClientStore;
import dev.cognate.storage.DomainStore;
import dev.cognate.storage.GroupStore;
import dev.cognate.storage.IdentityProviderStore;
import dev.cognate.storage.PoolStore;
import dev.cognate.storage.ResourceServerStore;
import dev.cognate.storage.StateStore.Snapshot;
import dev.cognate.storage.UserStore;
import dev.cognate.token.SigningKeys;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every imported pool, app client, user, group, domain, resource server, identity provider and signing key back
 * through the stores the operations use. The import itself checks only what the schema checks (types, keys, references): a
 * value the schema takes but the emulator cannot read, such as settings that are not its JSON or an unknown user
 * status, would otherwise be imported and then fail every request touching it with a 500. Meant to run inside the
 * import's transaction, so that a refusal undoes the import.
 */
public final class ReadBack {
  private final PoolStore pools;
  private final ClientStore clients;
  private final UserStore users;
  private final GroupStore groups;
  private final DomainStore domains;
  private final ResourceServerStore servers;
  private final IdentityProviderStore providers;
  private final SigningKeys keys;

  public ReadBack(PoolStore pools, ClientStore clients, UserStore users, GroupStore groups, DomainStore domains,
      ResourceServerStore servers, IdentityProviderStore providers, SigningKeys keys) {
    this.pools = pools;
    this.clients = clients;
    this.users = users;
    this.groups = groups;
    this.domains = domains;
    this.servers = servers;
    this.providers = providers;
    this.keys = keys;
  }

  /** Refuses with an {@link IllegalArgumentException} naming the first row of {@code snapshot} that cannot be read. */
  public void check(Snapshot snapshot) {
    each(snapshot, "user_pools", row -> pools.find(text(row, "id")));
    each(snapshot, "app_clients", row -> clients.find(text(row, "client_id")));
    each(snapshot, "users", row -> users.findBySub(text(row, "pool_id"), text(row, "sub")));
    each(snapshot, "user_groups", row -> groups.find(text(row, "pool_id"), text(row, "name")));
    each(snapshot, "user_pool_domains", row -> domains.find(text(row, "domain")));
    each(snapshot, "resource_servers", row -> servers.find(text(row, "pool_id"), text(row, "identifier")));
    each(snapshot, "identity_providers", row -> providers.find(text(row, "pool_id"), text(row, "name")));
    each(snapshot, "signing_keys", row -> keys.checkStored(text(row, "pool_id")));
  }

  private static void each(Snapshot snapshot, String table, Consumer<Map<String, Object>> read) {
    List<Map<String, Object>> rows = snapshot.tables().getOrDefault(table, List.of());
    for (int i = 0; i < rows.size(); i++) {
      try {
        read.accept(rows.get(i));
      } catch (IllegalStateException | IllegalArgumentException | NullPointerException | DateTimeException e) {
        // What the stores throw for a value they cannot read; a failing database is not the document's fault.
        throw new IllegalArgumentException(
            "row " + (i + 1) + " of table " + table + " cannot be read back: " + e.getMessage(), e);
      }
    }
  }

  private static String text(Map<String, Object> row, String column) {
    return String.valueOf(row.get(column));
  }
}
