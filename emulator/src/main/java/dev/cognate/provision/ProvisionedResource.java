package dev.cognate.provision;

import java.util.Map;

/**
 * A resource provisioning created or found already there.
 *
 * @param logicalId its name in the template, or {@code Seed} entries' usernames for seeded users
 * @param type its CloudFormation type, such as {@code AWS::Cognito::UserPool}
 * @param physicalId what {@code Ref} gives: a pool id, a client id, a group name, a domain, a username
 * @param attributes what {@code Fn::GetAtt} gives, by attribute name
 * @param kept whether it existed already (a restart on a file database, or provisioning run again)
 */
public record ProvisionedResource(
    String logicalId, String type, String physicalId, Map<String, String> attributes, boolean kept) {

  public ProvisionedResource {
    attributes = Map.copyOf(attributes);
  }

  /** The line the standalone server prints: {@code UserPool us-east-1_AbC123xyZ}, with {@code (kept)} when kept. */
  public String line() {
    return logicalId + " " + physicalId + (kept ? " (kept)" : "");
  }
}
