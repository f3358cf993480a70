package dev.cognate.app;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The user pool and app client of the original stack (its serverless.ts), created through the API. The settings
 * are {@link PoolSpec#original()}, shared with the JUnit extension's {@code @PoolSettings(original = true)}, and
 * match {@code template.yaml}.
 */
public final class OriginalStack {
  private OriginalStack() {}

  public static CognitoSettings create(CognitoIdentityProviderClient cognito) {
    CognatePool pool = CognatePool.create(cognito, PoolSpec.original());
    return new CognitoSettings(pool.userPoolId(), pool.clientId());
  }
}
