package dev.cognate.operation.wire;

import dev.cognate.domain.Group;

/** A group as the group operations describe it. */
public record GroupType(
    String GroupName,
    String UserPoolId,
    String Description,
    String RoleArn,
    Integer Precedence,
    Double LastModifiedDate,
    Double CreationDate) {

  public static GroupType of(Group group) {
    return new GroupType(
        group.name(),
        group.userPoolId(),
        group.description(),
        group.roleArn(),
        group.precedence(),
        Timestamps.seconds(group.modifiedAt()),
        Timestamps.seconds(group.createdAt()));
  }
}
