package dev.cognate.operation;

/**
 * What an operation may know about the request beyond its body.
 *
 * @param issuerBase scheme and authority tokens are issued under: the configured issuer, or the URL the client used
 */
public record RequestContext(String issuerBase) {

  /** The {@code iss} of a pool's tokens. */
  public String issuer(String userPoolId) {
    return issuerBase + "/" + userPoolId;
  }
}
