package dev.cognate.examples;

/** README.md shows this file as "DeterministicTest" (see ReadmeExamplesTest); keep the two the same. */
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognate.Cognate;
import dev.cognate.EmulatorClock;
import dev.cognate.junit.CognateTest;
import dev.cognate.testing.CognatePool;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;

@CognateTest(randomSeed = 42)
class DeterministicExampleIT {
  @Test
  void aCodeExpiresWhenTheClockMoves(Cognate cognate, EmulatorClock clock, CognitoIdentityProviderClient cognito,
                                     CognatePool pool) {
    cognito.signUp(b -> b.clientId(pool.clientId()).username("alice").password("Passw0rd!")
        .userAttributes(a -> a.name("email").value("alice@example.com")));
    String code = cognate.outbox().lastCode(pool.userPoolId(), "alice").orElseThrow();

    clock.advance(Duration.ofHours(25));

    assertThrows(ExpiredCodeException.class, () -> cognito.confirmSignUp(
        b -> b.clientId(pool.clientId()).username("alice").confirmationCode(code)));
  }

  @Test
  void stateIsSavedAndRestored(Cognate cognate, CognitoIdentityProviderClient cognito, CognatePool pool) {
    cognito.adminCreateUser(b -> b.userPoolId(pool.userPoolId()).username("bob"));
    String saved = cognate.exportState();

    cognate.reset();
    assertEquals(0, cognito.listUserPools(b -> b.maxResults(10)).userPools().size());

    cognate.importState(saved);
    assertEquals("bob", cognito.adminGetUser(b -> b.userPoolId(pool.userPoolId()).username("bob")).username());
  }
}
