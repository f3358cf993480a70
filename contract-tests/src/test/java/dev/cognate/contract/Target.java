package dev.cognate.contract;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** One Cognito the suite runs against: the in-process emulator, any endpoint, or real AWS. */
public abstract class Target implements AutoCloseable {
  private final List<CognatePool> created = new ArrayList<>();

  /** The column name in the parity report. */
  public abstract String name();

  public abstract CognitoIdentityProviderClient cognito();

  public abstract Set<Capability> capabilities();

  /** The endpoint the SDK talks to, for the app's authorizer: empty means AWS's regional endpoint. */
  public abstract Optional<URI> endpoint();

  public abstract String region();

  /** The newest code sent to a user; only on targets with {@link Capability#READ_CODES}. */
  public abstract Optional<String> lastCode(String userPoolId, String username);

  public boolean can(Capability capability) {
    return capabilities().contains(capability);
  }

  /** A pool and client that this run created and will delete, with a name that says so. */
  public synchronized CognatePool pool(PoolSpec spec) {
    PoolSpec named = spec.toBuilder().poolName("cognate-contract-" + Long.toString(System.nanoTime(), 36)).build();
    CognatePool pool = CognatePool.create(cognito(), named);
    created.add(pool);
    return pool;
  }

  /** Deletes exactly the pools this run created, nothing else. */
  @Override
  public synchronized void close() {
    for (CognatePool pool : created) {
      try {
        pool.delete(cognito());
      } catch (RuntimeException e) {
        System.err.println("could not delete " + pool.userPoolId() + ": " + e);
      }
    }
    created.clear();
  }
}
