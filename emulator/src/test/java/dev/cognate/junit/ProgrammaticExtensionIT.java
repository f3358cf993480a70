package dev.cognate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.Cognate;
import dev.cognate.testing.CognatePool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The programmatic extension: configuration from code, the same injection. */
class ProgrammaticExtensionIT {
  @RegisterExtension
  static CognateExtension extension = CognateExtension.withConfig(c -> c.fixedCode("654321").region("eu-west-1"));

  @Test
  void configurationComesFromTheRegistration(Cognate cognate, CognatePool pool) {
    assertEquals("eu-west-1", cognate.config().region());
    assertEquals("654321", cognate.config().fixedCode().orElseThrow());
    assertEquals("eu-west-1", pool.userPoolId().substring(0, pool.userPoolId().indexOf('_')));
  }

  @Test
  void theClientWorksAgainstThatEmulator(CognitoIdentityProviderClient cognito, CognatePool pool) {
    assertEquals(
        pool.userPoolId(), cognito.describeUserPool(b -> b.userPoolId(pool.userPoolId())).userPool().id());
  }
}
