package dev.cognate.domain;

import java.util.ArrayList;
import java.util.List;

/** The standard OIDC attributes every Cognito pool's schema starts with. */
public final class StandardAttributes {
  private static final List<String> STRINGS =
      List.of(
          "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile",
          "picture", "website", "email", "gender", "zoneinfo", "locale", "phone_number", "address");

  private StandardAttributes() {}

  /** The schema of a pool created with no Schema member. */
  public static List<SchemaAttribute> schema() {
    List<SchemaAttribute> schema = new ArrayList<>();
    schema.add(new SchemaAttribute("sub", "String", false, false, true, "1", "2048", null, null));
    for (String name : STRINGS) {
      schema.add(new SchemaAttribute(name, "String", false, true, false, "0", "2048", null, null));
    }
    schema.add(new SchemaAttribute("birthdate", "String", false, true, false, "10", "10", null, null));
    schema.add(new SchemaAttribute("email_verified", "Boolean", false, true, false, null, null, null, null));
    schema.add(new SchemaAttribute("phone_number_verified", "Boolean", false, true, false, null, null, null, null));
    schema.add(new SchemaAttribute("updated_at", "Number", false, true, false, null, null, "0", null));
    schema.add(new SchemaAttribute("identities", "String", false, true, false, "0", "2048", null, null));
    return schema;
  }
}
