package dev.cognate.domain;

import java.util.List;

/** A parsed ListUsers filter: {@code attribute = "value"} or, with {@code prefix}, {@code attribute ^= "value"}. */
public record UserFilter(String attribute, String value, boolean prefix) {

  /** The attributes Cognito lets ListUsers search. */
  public static final List<String> SEARCHABLE =
      List.of(
          "username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username",
          "cognito:user_status", "status", "sub");
}
