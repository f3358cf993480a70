package dev.cognate.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.Cognate;
import dev.cognate.junit.CognateTest;
import dev.cognate.junit.PoolSettings;
import dev.cognate.testing.CognatePool;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** The example README.md shows for the JUnit 5 extension, kept compiling and passing. */
@CognateTest
class SignUpExampleIT {
  @Test
  void userConfirmsWithTheEmailedCode(Cognate cognate, CognitoIdentityProviderClient cognito,
                                      @PoolSettings(original = true) CognatePool pool) {
    cognito.signUp(b -> b.clientId(pool.clientId()).username("alice").password("secret1")
        .userAttributes(a -> a.name("email").value("alice@example.com")));

    String code = cognate.outbox().lastCode(pool.userPoolId(), "alice").orElseThrow();
    cognito.confirmSignUp(b -> b.clientId(pool.clientId()).username("alice").confirmationCode(code));

    assertEquals(UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(pool.userPoolId()).username("alice")).userStatus());
  }
}
