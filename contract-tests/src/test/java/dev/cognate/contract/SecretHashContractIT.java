package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** A client with a secret: password sign-in without, with a wrong, and with the right SECRET_HASH. */
class SecretHashContractIT extends ContractCase {

  /** A confirmed user of a pool whose client has a secret (sign-up and confirmation send the hash). */
  private record SecretClient(CognatePool pool, String username, String secret) {}

  private static SecretClient secretClient(Target target) {
    CognatePool pool = target.pool(Cases.withSecret(PoolSpec.defaults()));
    String secret = pool.clientSecret().orElseThrow(() -> new AssertionError("the client was created with a secret"));
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    return new SecretClient(pool, username, secret);
  }

  private static void login(Target target, SecretClient client, Map<String, String> parameters) {
    target.cognito().initiateAuth(
        b -> b.clientId(client.pool().clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(parameters));
  }

  @Test
  void aMissingSecretHashIsRefused(Target target) {
    SecretClient client = secretClient(target);
    String clientId = client.pool().clientId();
    assertCognitoError(
        "NotAuthorizedException",
        "Client " + clientId + " is configured with secret but SECRET_HASH was not received",
        () -> login(target, client, Map.of("USERNAME", client.username(), "PASSWORD", Cases.PASSWORD)));
  }

  @Test
  void aWrongSecretHashIsRefused(Target target) {
    SecretClient client = secretClient(target);
    String clientId = client.pool().clientId();
    // Well-formed, from the right secret, but for another username.
    String wrong = Cases.secretHash(client.secret(), client.username() + "x", clientId);
    assertCognitoError(
        "NotAuthorizedException",
        "Unable to verify secret hash for client " + clientId,
        () -> login(
            target,
            client,
            Map.of("USERNAME", client.username(), "PASSWORD", Cases.PASSWORD, "SECRET_HASH", wrong)));
  }

  @Test
  void theRightSecretHashSignsIn(Target target) {
    SecretClient client = secretClient(target);
    String clientId = client.pool().clientId();
    String hash = Cases.secretHash(client.secret(), client.username(), clientId);
    AuthenticationResultType result =
        target.cognito().initiateAuth(
                b -> b.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(
                        Map.of("USERNAME", client.username(), "PASSWORD", Cases.PASSWORD, "SECRET_HASH", hash)))
            .authenticationResult();
    assertNotNull(result, "tokens, not a challenge");
    assertEquals("Bearer", result.tokenType());
    assertNotNull(result.refreshToken());
    assertEquals(clientId, Cases.payload(result.idToken()).get("aud").asText());
    assertEquals(client.username(), Cases.payload(result.idToken()).get("cognito:username").asText());
    assertEquals(clientId, Cases.payload(result.accessToken()).get("client_id").asText());
    assertEquals(client.username(), Cases.payload(result.accessToken()).get("username").asText());
  }
}
