package dev.cognate.benchmark;

import dev.cognate.junit.CognateTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The smallest real use of the extension: one test calling the injected SDK client once. */
@CognateTest
public class ExtensionProbeTest {
  @Test
  void listsPools(CognitoIdentityProviderClient cognito) {
    cognito.listUserPools(b -> b.maxResults(1));
  }
}
