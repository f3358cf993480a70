package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.provision.Location;
import dev.cognate.provision.ProvisioningException;
import dev.cognate.provision.TemplateSource;
import dev.cognate.support.TestEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/** Users from seed files sign in as they would on a pool a team set up by hand. */
class SeedUsersIT {

  static CognateConfig.Builder samWithSeeds() {
    return CognateConfig.forTests()
        .template(new TemplateSource(Location.classpath("templates/sam-app.yaml"), Optional.empty()))
        .seed(Location.classpath("templates/users.yaml"));
  }

  @Test
  void seededUsersSignInWithTheirGroups() throws Exception {
    try (Cognate cognate = TestEmulator.start(samWithSeeds());
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String clientId = cognate.resource("AppClient");
      InitiateAuthResponse alice = signIn(cognito, clientId, "alice", "Passw0rd!alice");
      Set<Object> groups =
          new TreeSet<>(SignedJWT.parse(alice.authenticationResult().idToken()).getJWTClaimsSet().getStringListClaim("cognito:groups"));
      assertEquals(Set.of("Editors", "reviewers"), groups);
      assertEquals(
          "alice@example.com",
          SignedJWT.parse(alice.authenticationResult().idToken()).getJWTClaimsSet().getStringClaim("email"));

      InitiateAuthResponse bob = signIn(cognito, clientId, "bob", "Temp0rary!bob");
      assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, bob.challengeName());
      assertEquals(
          List.of("User alice in us-east-1_SamPool01", "User bob in us-east-1_SamPool01"),
          cognate.provisioned().lines().subList(6, 8));
    }
  }

  @Test
  void unconfirmedSeedUserIsSignedUpThroughTheClient() {
    CognateConfig.Builder config =
        CognateConfig.forTests()
            .template(new TemplateSource(Location.classpath("templates/serverless.yml"), Optional.empty()))
            .seed(Location.classpath("templates/bookshop-users.json"));
    try (Cognate cognate = TestEmulator.start(config);
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String poolId = cognate.resource("CognitoUserPool");
      assertEquals(
          "UNCONFIRMED",
          cognito.adminGetUser(r -> r.userPoolId(poolId).username("dora@example.com")).userStatusAsString());
      assertCognitoError(
          "UserNotConfirmedException",
          "User is not confirmed.",
          () -> signIn(cognito, cognate.resource("CognitoUserPoolClient"), "dora@example.com", "Passw0rd!dora"));
    }
  }

  @Test
  void unconfirmedSeedUserIsSignedUpThroughAClientWithASecret(@TempDir Path dir) throws Exception {
    Path template = dir.resolve("secret-client.yaml");
    Files.writeString(
        template,
        """
        Resources:
          Pool:
            Type: AWS::Cognito::UserPool
          Client:
            Type: AWS::Cognito::UserPoolClient
            Properties:
              UserPoolId: !Ref Pool
              GenerateSecret: true
        """);
    Path seed = dir.resolve("erin.yaml");
    Files.writeString(seed, "pool: Pool\nusers:\n  - username: erin\n    password: Passw0rd!erin\n    status: UNCONFIRMED\n");
    try (Cognate cognate = TestEmulator.start(CognateConfig.forTests().template(template).seed(seed));
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      assertEquals(
          "UNCONFIRMED",
          cognito.adminGetUser(r -> r.userPoolId(cognate.resource("Pool")).username("erin")).userStatusAsString());
    }
  }

  @Test
  void aSeedUserThePoolRefusesStopsTheStart() throws Exception {
    Path seed = Files.createTempFile("weak", ".yaml");
    try {
      Files.writeString(seed, "pool: UserPool\nusers:\n  - username: weak\n    password: short\n");
      CognateConfig.Builder config =
          CognateConfig.forTests()
              .template(new TemplateSource(Location.classpath("templates/sam-app.yaml"), Optional.empty()))
              .seed(seed);
      ProvisioningException e = assertThrows(ProvisioningException.class, () -> TestEmulator.start(config));
      assertEquals(
          "seed " + seed.getFileName() + ", user weak: InvalidPasswordException: Password did not conform with policy: Password not long enough", e.getMessage());
    } finally {
      Files.deleteIfExists(seed);
    }
  }

  @Test
  void aSeedMayNameItsPoolById(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("by-id.json");
    Files.writeString(
        seed,
        "{\"pool\": \"us-east-1_SamPool01\", \"users\": [{\"username\": \"dave\", \"password\": \"Passw0rd!dave\"}]}");
    CognateConfig.Builder config =
        CognateConfig.forTests()
            .template(new TemplateSource(Location.classpath("templates/sam-app.yaml"), Optional.empty()))
            .seed(seed);
    try (Cognate cognate = TestEmulator.start(config);
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      assertEquals(
          "CONFIRMED", cognito.adminGetUser(r -> r.userPoolId("us-east-1_SamPool01").username("dave")).userStatusAsString());
      signIn(cognito, cognate.resource("AppClient"), "dave", "Passw0rd!dave");
    }
  }

  private static InitiateAuthResponse signIn(
      CognitoIdentityProviderClient cognito, String clientId, String username, String password) {
    return cognito.initiateAuth(
        r -> r.clientId(clientId)
            .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
  }
}
