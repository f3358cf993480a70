package dev.cognate.support;

import dev.cognate.Cognate;
import dev.cognate.provision.ProvisioningException;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * Resets an emulator to its templates and seeds again and again while a client keeps creating, in the provisioned
 * pool, the group and user provisioning creates too: a CI job racing the reset between two test classes.
 */
public final class ResetsAgainstARival {
  /** How many resets failed, and the first failure's message (null when none did). */
  public record Outcome(int failures, String first) {}

  private ResetsAgainstARival() {}

  public static Outcome run(
      Cognate cognate, CognitoIdentityProviderClient cognito, String poolId, String group, String username,
      int rounds) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    Thread rival =
        new Thread(
            () -> {
              while (!stop.get()) {
                try {
                  cognito.createGroup(r -> r.userPoolId(poolId).groupName(group));
                } catch (RuntimeException ignored) {
                  // Refused while the pool is gone or the group exists: the rival only keeps trying.
                }
                try {
                  cognito.adminCreateUser(
                      r -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS));
                } catch (RuntimeException ignored) {
                  // As above.
                }
              }
            });
    rival.start();
    int failures = 0;
    String first = null;
    try {
      for (int round = 0; round < rounds; round++) {
        try {
          cognate.reset();
        } catch (ProvisioningException e) {
          failures++;
          first = first == null ? e.getMessage() : first;
        }
      }
    } finally {
      stop.set(true);
      rival.join();
    }
    return new Outcome(failures, first);
  }
}
