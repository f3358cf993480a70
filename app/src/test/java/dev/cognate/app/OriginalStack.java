package dev.cognate.app;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * A pool and app client shaped as the original stack's, created through the API, for tests that need several of them
 * in one emulator (the template's ids are the same every time). The settings are {@link PoolSpec#original()}, shared
 * with the JUnit extension's {@code @PoolSettings(original = true)}; {@code WithEmulatorIT} checks that the pool
 * {@code template.yaml} provisions has them too.
 */
public final class OriginalStack {
  private OriginalStack() {}

  public static CognitoSettings create(CognitoIdentityProviderClient cognito) {
    CognatePool pool = CognatePool.create(cognito, PoolSpec.original());
    return new CognitoSettings(pool.userPoolId(), pool.clientId());
  }
}
