package dev.cognate.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
