package dev.cognate.provision;

/**
 * A template or seed file that cannot be provisioned, or an env file that cannot be written. Its message is one line naming the file, the resource and the
 * reason, such as {@code template sam.yaml, UserPool: InvalidParameterException: ...}; start-up stops with it.
 */
public final class ProvisioningException extends RuntimeException {
  public ProvisioningException(String message) {
    super(message);
  }
}
