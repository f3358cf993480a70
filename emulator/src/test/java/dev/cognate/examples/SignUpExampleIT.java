package dev.cognate.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cognate.Cognate;
import dev.cognate.junit.CognateTest;
import dev.cognate.junit.PoolSettings;
import dev.cognate.testing.CognatePool;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
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

  @Test
  void invitedUserChoosesANewPassword(Cognate cognate, CognitoIdentityProviderClient cognito, CognatePool pool) {
    cognito.adminCreateUser(b -> b.userPoolId(pool.userPoolId()).username("bob")
        .userAttributes(a -> a.name("email").value("bob@example.com")));
    String temporaryPassword = cognate.outbox().lastCode(pool.userPoolId(), "bob").orElseThrow();

    AdminInitiateAuthResponse challenge = cognito.adminInitiateAuth(b -> b.userPoolId(pool.userPoolId())
        .clientId(pool.clientId()).authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
        .authParameters(Map.of("USERNAME", "bob", "PASSWORD", temporaryPassword)));
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());

    String idToken = cognito.adminRespondToAuthChallenge(b -> b.userPoolId(pool.userPoolId())
            .clientId(pool.clientId()).challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
            .session(challenge.session())
            .challengeResponses(Map.of("USERNAME", "bob", "NEW_PASSWORD", "Chosen-Passw0rd")))
        .authenticationResult().idToken();
    assertNotNull(idToken);
  }
}
