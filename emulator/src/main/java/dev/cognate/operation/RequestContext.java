package dev.cognate.operation;

/**
 * What an operation may know about the request beyond its body.
 *
 * @param issuerBase scheme and authority tokens are issued under: the configured issuer, or the URL the client used
 * @param region the region the request was signed for (its SigV4 credential scope), or the configured one
 * @param accountId the caller's account: a 12-digit access key id, or the configured account
 */
public record RequestContext(String issuerBase, String region, String accountId) {

  /** The {@code iss} of a pool's tokens. */
  public String issuer(String userPoolId) {
    return issuerBase + "/" + userPoolId;
  }
}
