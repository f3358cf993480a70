package dev.cognate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.Cognate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/** {@code @CognateTest(templates = ..., seeds = ...)}: the class's emulator starts with the template's pool and users. */
@CognateTest(templates = "classpath:templates/sam-app.yaml#orders", seeds = "classpath:templates/users.yaml")
class TemplatesAttributeIT {

  @Test
  void templateResourcesAndSeededUsersAreThere(Cognate cognate, CognitoIdentityProviderClient cognito) {
    assertEquals("us-east-1_SamPool01", cognate.resource("UserPool"));
    assertEquals(
        "orders-pool",
        cognito.describeUserPool(r -> r.userPoolId(cognate.resource("UserPool"))).userPool().name(),
        "the stack named after '#' is AWS::StackName");
    cognito.initiateAuth(
        r -> r.clientId(cognate.resource("AppClient"))
            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Passw0rd!alice")));
  }
}
