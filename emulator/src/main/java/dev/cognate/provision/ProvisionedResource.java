package dev.cognate.provision;

import java.util.Map;

/**
 * A resource provisioning created or found already there.
 *
 * @param logicalId its name in the template; for a seeded user, its username
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

  /**
   * The line the standalone server prints: {@code UserPool us-east-1_AbC123xyZ}, or {@code User alice in
   * us-east-1_AbC123xyZ} for a seeded user, with {@code (kept)} when it existed already.
   */
  public String line() {
    String line =
        type.equals(Provisioned.SEEDED_USER)
            ? "User " + physicalId + " in " + attributes.get("UserPoolId")
            : logicalId + " " + physicalId;
    return line + (kept ? " (kept)" : "");
  }
}
