package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.provision.ProvisioningException;
import dev.cognate.support.ResetsAgainstARival;
import dev.cognate.support.TestEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** Seed files a careless user writes: each mistake is named in one line instead of a validation message or silence. */
class HostileSeedsIT {
  @TempDir Path dir;
  private Path template;

  @BeforeEach
  void template() throws IOException {
    template =
        Files.writeString(
            dir.resolve("app.yaml"),
            "Resources:\n  UserPool:\n    Type: AWS::Cognito::UserPool\n"
                + "  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {UserPoolId: !Ref UserPool}\n");
  }

  private String refusal(String seed) throws IOException {
    Path file = Files.writeString(dir.resolve("users.yaml"), seed);
    CognateConfig.Builder config = CognateConfig.forTests().template(template).seed(file);
    return assertThrows(ProvisioningException.class, () -> TestEmulator.start(config).close()).getMessage();
  }

  @Test
  void aPoolThatIsNeitherALogicalIdNorAPoolIsNamed() throws IOException {
    assertEquals(
        "seed users.yaml, user alice: pool Nope is neither a pool of the templates (UserPool) nor the id of a pool",
        refusal("pool: Nope\nusers:\n  - {username: alice, password: Passw0rd!}\n"));
    assertEquals(
        "seed users.yaml, user alice: pool Client is neither a pool of the templates (UserPool) nor the id of a pool",
        refusal("pool: Client\nusers:\n  - {username: alice, password: Passw0rd!}\n"));
    assertEquals(
        "seed users.yaml, user alice: pool us-east-1_Missing12 is neither a pool of the templates (UserPool) nor the"
            + " id of a pool",
        refusal("pool: us-east-1_Missing12\nusers:\n  - {username: alice, password: Passw0rd!}\n"));
  }

  @Test
  void aClientCreatingTheSeededUserAndGroupDuringAResetDoesNotFailTheReset() throws Exception {
    Path seed =
        Files.writeString(
            dir.resolve("users.yaml"), "pool: UserPool\nusers:\n  - {username: alice, password: Passw0rd!, groups: [admins]}\n");
    try (Cognate cognate = TestEmulator.start(CognateConfig.forTests().template(template).seed(seed));
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String poolId = cognate.resource("UserPool");
      ResetsAgainstARival.Outcome outcome = ResetsAgainstARival.run(cognate, cognito, poolId, "admins", "alice", 40);
      System.out.println(
          "HostileSeedsIT: 40 resets while a client created the seeded user and group, " + outcome.failures() + " failed"
              + (outcome.first() == null ? "" : ", first: " + outcome.first()));
      assertEquals(0, outcome.failures(), outcome.first());
    }
  }

  @Test
  void attributesWrittenAsTheApiListIsRefusedRatherThanDropped() throws IOException {
    assertEquals(
        "seed users.yaml, user alice: attributes must map names to values (email: alice@example.com)",
        refusal("pool: UserPool\nusers:\n  - username: alice\n    password: Passw0rd!\n"
            + "    attributes: [{Name: email, Value: alice@example.com}]\n"));
  }

  @Test
  void groupsWrittenAsOneNameIsRefusedRatherThanDropped() throws IOException {
    assertEquals(
        "seed users.yaml, user alice: groups must be a list of group names ([admins])",
        refusal("pool: UserPool\nusers:\n  - {username: alice, password: Passw0rd!, groups: admins}\n"));
  }
}
