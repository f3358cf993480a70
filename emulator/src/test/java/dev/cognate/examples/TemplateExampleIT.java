package dev.cognate.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.junit.CognateTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;

/** The example README.md shows for templates and seed files, kept compiling and passing. */
@CognateTest(templates = "../app/template.yaml", seeds = "classpath:seed/app-users.yaml")
class TemplateExampleIT {

  @Test
  void theTemplatesPoolHasTheSeededUsers(Cognate cognate, CognitoIdentityProviderClient cognito) throws Exception {
    String userPoolId = cognate.resource("UserPool"); // the same id on every run
    String clientId = cognate.resource("UserClient");
    assertEquals(
        "Serverless-Chat", cognito.describeUserPool(r -> r.userPoolId(userPoolId)).userPool().name());

    AuthenticationResultType tokens =
        cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice@example.com", "PASSWORD", "Passw0rd!")))
            .authenticationResult();
    assertEquals(
        List.of("admins"),
        SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getStringListClaim("cognito:groups"));

    assertEquals(
        ChallengeNameType.NEW_PASSWORD_REQUIRED,
        cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "newcomer@example.com", "PASSWORD", "Temp0rary!")))
            .challengeName());
  }
}
