package dev.cognate.operation.wire;

import dev.cognate.domain.User;
import java.util.List;
import java.util.Map;

/** A user as ListUsers lists it. */
public record UserType(
    String Username,
    List<AttributeType> Attributes,
    Double UserCreateDate,
    Double UserLastModifiedDate,
    Boolean Enabled,
    String UserStatus) {

  public static UserType of(User user, Map<String, String> attributes) {
    return new UserType(
        user.username(),
        AttributeType.of(attributes),
        Timestamps.seconds(user.createdAt()),
        Timestamps.seconds(user.modifiedAt()),
        user.enabled(),
        user.status().name());
  }
}
