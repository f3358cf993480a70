package dev.cognate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.testing.CognatePool;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolClientResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** The declarative extension: one emulator for the class, injected into static and instance fields and parameters. */
@CognateTest(fixedCode = "424242")
class CognateTestIT {
  static Cognate staticCognate;
  Cognate cognate;
  CognitoIdentityProviderClient cognito;
  CognatePool pool;

  @Test
  void fieldsAndParametersShareTheClassEmulator(Cognate parameter, CognitoIdentityProviderClient client) {
    assertNotNull(staticCognate);
    assertSame(staticCognate, cognate);
    assertSame(cognate, parameter);
    assertSame(cognito, client);
    assertEquals("127.0.0.1", cognate.endpoint().getHost());
    assertTrue(cognate.config().inMemory());
  }

  @Test
  void eachInjectedPoolIsFreshWithTheDefaultSettings(CognatePool another) {
    assertNotEquals(pool.userPoolId(), another.userPoolId());
    UserPoolType described = cognito.describeUserPool(b -> b.userPoolId(pool.userPoolId())).userPool();
    assertEquals(8, described.policies().passwordPolicy().minimumLength());
    assertEquals(List.of("email"), described.autoVerifiedAttributesAsStrings());
    DescribeUserPoolClientResponse client =
        cognito.describeUserPoolClient(b -> b.userPoolId(pool.userPoolId()).clientId(pool.clientId()));
    assertTrue(client.userPoolClient().explicitAuthFlows().contains(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH));
  }

  @Test
  void originalSettingsGiveTheAppsPoolAndClient(@PoolSettings(original = true) CognatePool original) {
    UserPoolType described = cognito.describeUserPool(b -> b.userPoolId(original.userPoolId())).userPool();
    assertEquals("Serverless-Chat", described.name());
    assertEquals(6, described.policies().passwordPolicy().minimumLength());
    var client = cognito.describeUserPoolClient(b -> b.userPoolId(original.userPoolId()).clientId(original.clientId()));
    assertEquals("user-pool-ui", client.userPoolClient().clientName());
    assertEquals(5, client.userPoolClient().accessTokenValidity());
    assertEquals(
        List.of(ExplicitAuthFlowsType.ADMIN_NO_SRP_AUTH, ExplicitAuthFlowsType.USER_PASSWORD_AUTH),
        client.userPoolClient().explicitAuthFlows());
  }

  @Test
  void settingsShapeThePool(
      @PoolSettings(usernameAttributes = "email", generateSecret = true, preventUserExistenceErrors = "ENABLED")
          CognatePool shaped) {
    assertTrue(shaped.clientSecret().isPresent());
    UserPoolType described = cognito.describeUserPool(b -> b.userPoolId(shaped.userPoolId())).userPool();
    assertEquals(List.of("email"), described.usernameAttributesAsStrings());
  }

  @Test
  void annotationSettingsReachTheEmulator() {
    cognito.signUp(
        b -> b.clientId(pool.clientId())
            .username("alice")
            .password("Passw0rd!")
            .userAttributes(AttributeType.builder().name("email").value("alice@example.com").build()));
    assertEquals("424242", cognate.outbox().lastCode(pool.userPoolId(), "alice").orElseThrow());
  }

  @Nested
  class NestedTests {
    @Test
    void nestedClassesUseTheOuterEmulator(Cognate nested) {
      assertSame(staticCognate, nested);
    }
  }
}
