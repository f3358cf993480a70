package dev.cognate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.testing.CognatePool;
import dev.cognate.testing.CognitoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/** The extension in strict mode: the injected client signs with the configured key pair; other keys are refused. */
class StrictExtensionIT {
  @RegisterExtension
  static CognateExtension extension =
      CognateExtension.withConfig(c -> c.credentials("123456789012", "extension-secret"));

  @Test
  void theInjectedClientSignsWithTheConfiguredKeys(
      Cognate cognate, CognatePool pool, CognitoIdentityProviderClient cognito) {
    assertTrue(cognate.config().strictSignatures());
    String arn = cognito.describeUserPool(b -> b.userPoolId(pool.userPoolId())).userPool().arn();
    assertEquals("arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + pool.userPoolId(), arn);
  }

  @Test
  void aClientWithOtherKeysIsRefused(Cognate cognate) {
    try (CognitoIdentityProviderClient other = CognitoClients.forEndpoint(cognate.endpoint(), "us-east-1")) {
      CognitoIdentityProviderException e =
          assertThrows(CognitoIdentityProviderException.class, () -> other.listUserPools(b -> b.maxResults(1)));
      assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
    }
  }
}
