package dev.cognate.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvFileTest {

  @Test
  void logicalIdsBecomeUpperSnakeCase() {
    assertEquals("USER_POOL", EnvFile.upperSnake("UserPool"));
    assertEquals("USER_POOL_CLIENT", EnvFile.upperSnake("UserPoolClient"));
    assertEquals("MY_API_CLIENT", EnvFile.upperSnake("MyAPIClient"));
    assertEquals("POOL2_CLIENT", EnvFile.upperSnake("Pool2Client"));
  }

  @Test
  void stableIdsAreSpeltAsCognitosAndDependOnStackAndLogicalId() {
    String pool = StableIds.poolId("eu-west-1", "shop", "UserPool");
    assertTrue(pool.matches("eu-west-1_[0-9A-Za-z]{9}"), pool);
    assertEquals(pool, StableIds.poolId("eu-west-1", "shop", "UserPool"));
    assertTrue(!pool.equals(StableIds.poolId("eu-west-1", "shop2", "UserPool")));
    assertTrue(StableIds.clientId("shop", "Client").matches("[a-z0-9]{26}"));
    assertTrue(StableIds.clientSecret("shop", "Client").matches("[a-z0-9]{52}"));
  }

  @Test
  void twoLogicalIdsSpeltAsOneKeyAreRefusedInsteadOfOneHidingTheOther() {
    Provisioned provisioned =
        new Provisioned(
            List.of(
                pool("UserPool", "us-east-1_AAAAAAAAA"),
                pool("USERPool", "us-east-1_BBBBBBBBB")),
            List.of());
    assertEquals(
        "env file: the logical ids UserPool and USERPool both give the key USER_POOL; rename one of them",
        assertThrows(ProvisioningException.class, () -> EnvFile.entries(provisioned, "us-east-1", ENDPOINT))
            .getMessage());
  }

  @Test
  void aLogicalIdSpeltAsAKeyTheFileSetsItselfIsRefused() {
    Provisioned provisioned =
        new Provisioned(
            List.of(pool("MainPool", "us-east-1_AAAAAAAAA"), pool("UserPoolId", "us-east-1_BBBBBBBBB")),
            List.of());
    assertEquals(
        "env file: the logical id UserPoolId gives the key USER_POOL_ID, which the env file sets itself; rename it",
        assertThrows(ProvisioningException.class, () -> EnvFile.entries(provisioned, "us-east-1", ENDPOINT))
            .getMessage());
  }

  private static final URI ENDPOINT = URI.create("http://127.0.0.1:9229");

  private static ProvisionedResource pool(String logicalId, String id) {
    return new ProvisionedResource(logicalId, "AWS::Cognito::UserPool", id, Map.of(), false);
  }
}
