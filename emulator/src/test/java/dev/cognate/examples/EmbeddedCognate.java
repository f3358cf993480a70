package dev.cognate.examples;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** The embedding example README.md shows, kept compiling and running by {@link EmbeddedCognateIT}. */
public class EmbeddedCognate {
  public static void main(String[] args) {
    try (Cognate cognate = Cognate.start(CognateConfig.forTests().build()); // free port, in-memory database
        CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
            .endpointOverride(cognate.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build()) {
      String userPoolId = cognito.createUserPool(b -> b.poolName("demo")
          .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
      String clientId = cognito.createUserPoolClient(b -> b.userPoolId(userPoolId).clientName("web"))
          .userPoolClient().clientId();
      cognito.signUp(b -> b.clientId(clientId).username("alice").password("Passw0rd!")
          .userAttributes(a -> a.name("email").value("alice@example.com")));

      String code = cognate.outbox().lastCode(userPoolId, "alice").orElseThrow();
      System.out.println("alice was sent " + code);
    }
  }
}
