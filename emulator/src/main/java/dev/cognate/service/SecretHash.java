package dev.cognate.service;

import dev.cognate.domain.AppClient;
import dev.cognate.error.CognitoException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Cognito's SECRET_HASH: Base64(HMAC-SHA256(client secret, username + client id)), required when a client has a secret. */
public final class SecretHash {
  private SecretHash() {}

  /** Passes when the client has no secret or the hash is right; otherwise Cognito's NotAuthorizedException. */
  public static void verify(AppClient client, String username, String provided) {
    if (client.secret().isEmpty()) {
      return;
    }
    if (provided == null) {
      throw CognitoException.notAuthorized(
          "Client " + client.clientId() + " is configured with secret but SECRET_HASH was not received");
    }
    String expected = compute(client.secret().get(), username, client.clientId());
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8))) {
      throw CognitoException.notAuthorized("Unable to verify secret hash for client " + client.clientId());
    }
  }

  public static String compute(String secret, String username, String clientId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no HmacSHA256", e);
    }
  }
}
