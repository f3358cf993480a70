package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.provision.Provisioned;
import dev.cognate.support.TestEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/** Provisioning is idempotent: a restart on the file database, or a second run, keeps and never duplicates. */
class ProvisioningRestartIT {
  @TempDir Path dir;

  @Test
  void restartOnTheFileDatabaseKeepsIdsAndUsers() throws Exception {
    Path envFile = dir.resolve("cognate.env");
    CognateConfig.Builder config = SeedUsersIT.samWithSeeds().dataDir(dir.resolve("data")).envFile(envFile);
    Map<String, String> first;
    try (Cognate cognate = TestEmulator.start(config)) {
      first = cognate.resources();
      assertTrue(cognate.provisioned().resources().stream().noneMatch(r -> r.kept()));
      assertEquals(
          List.of(
              "USER_POOL=us-east-1_SamPool01",
              "ORDERS_API=https://api.sam.example.com",
              "APP_CLIENT=" + first.get("AppClient"),
              "EDITORS=Editors",
              "CAROL=carol",
              "CAROL_IS_EDITOR=carol/Editors",
              "USER_POOL_ID=us-east-1_SamPool01",
              "USER_CLIENT_ID=" + first.get("AppClient"),
              "AWS_REGION=us-east-1",
              "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=" + cognate.endpoint()),
          Files.readAllLines(envFile));
    }
    try (Cognate cognate = TestEmulator.start(config);
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      assertEquals(first, cognate.resources());
      assertTrue(cognate.provisioned().resources().stream().allMatch(r -> r.kept()), cognate.provisioned().lines().toString());
      assertEquals("UserPool us-east-1_SamPool01 (kept)", cognate.provisioned().lines().get(0));
      assertEquals(1, cognito.listUserPools(r -> r.maxResults(60)).userPools().size());
      assertEquals(1, cognito.listUserPoolClients(r -> r.userPoolId("us-east-1_SamPool01")).userPoolClients().size());
      assertEquals(3, cognito.listUsers(r -> r.userPoolId("us-east-1_SamPool01")).users().size());
      cognito.initiateAuth(
          r -> r.clientId(first.get("AppClient"))
              .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
              .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Passw0rd!alice")));
    }
  }

  @Test
  void provisioningAgainInTheSameProcessCreatesOnlyWhatIsMissing() {
    try (Cognate cognate = TestEmulator.start(SeedUsersIT.samWithSeeds());
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      // Deleting the group also takes carol out of it: both the group and the attachment are made again.
      cognito.deleteGroup(r -> r.userPoolId("us-east-1_SamPool01").groupName("Editors"));
      Provisioned again = cognate.provision();
      assertEquals(
          List.of("UserPool", "OrdersApi", "AppClient", "Carol", "alice", "bob"),
          again.resources().stream().filter(r -> r.kept()).map(r -> r.logicalId()).toList());
      assertEquals(
          List.of("Editors", "CarolIsEditor"), again.resources().stream().filter(r -> !r.kept()).map(r -> r.logicalId()).toList());
      assertEquals(1, cognito.listUserPools(r -> r.maxResults(60)).userPools().size());
    }
  }
}
