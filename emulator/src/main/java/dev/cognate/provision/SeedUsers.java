package dev.cognate.provision;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.service.SecretHash;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Users from a seed file, created through the operations a team would call:
 *
 * <pre>{@code
 * pool: UserPool                 # default for every user: a template logical id or a pool id
 * users:
 *   - username: alice
 *     password: Passw0rd!
 *     status: CONFIRMED          # CONFIRMED (default), FORCE_CHANGE_PASSWORD or UNCONFIRMED
 *     attributes: {email: alice@example.com, email_verified: "true"}
 *     groups: [admins]           # created when missing
 * }</pre>
 *
 * CONFIRMED is AdminCreateUser then AdminSetUserPassword (permanent); FORCE_CHANGE_PASSWORD is AdminCreateUser
 * with the password as the temporary one; UNCONFIRMED is SignUp through the pool's first app client. No invitation
 * is sent. A user who exists already is kept as it is.
 */
final class SeedUsers {
  /** The shape the operations accept for a pool id; asking them about anything else is a validation error. */
  private static final String POOL_ID = "[\\w-]+_[0-9a-zA-Z]+";

  private SeedUsers() {}

  static List<ProvisionedResource> provision(Location seed, Calls calls, Map<String, ProvisionedResource> templates) {
    Map<String, Object> root;
    try {
      root = YamlFiles.read(seed);
    } catch (IOException | RuntimeException e) {
      throw new ProvisioningException("seed " + seed + ": cannot read it: " + e.getMessage());
    }
    if (!(root.get("users") instanceof List<?> users)) {
      throw new ProvisioningException("seed " + seed + ": needs a list under 'users'");
    }
    List<ProvisionedResource> seeded = new ArrayList<>();
    Map<String, String> poolIds = new HashMap<>();
    for (Object entry : users) {
      Map<String, Object> user = TemplateParser.map(entry);
      String username = text(user.get("username"));
      if (username == null) {
        throw new ProvisioningException("seed " + seed.fileName() + ": every user needs a username");
      }
      String where = "seed " + seed.fileName() + ", user " + username;
      String pool = text(user.getOrDefault("pool", root.get("pool")));
      if (pool == null) {
        throw new ProvisioningException(where + ": names no pool (set 'pool' on the user or at the top of the file)");
      }
      try {
        String poolId = poolIds.computeIfAbsent(pool, name -> poolId(where, name, templates, calls));
        seeded.add(user(where, poolId, username, user, calls));
      } catch (CognitoException e) {
        throw new ProvisioningException(where + ": " + e.type().code() + ": " + e.getMessage());
      }
    }
    return seeded;
  }

  /**
   * The pool a seed names: a template's pool by logical id, or a pool that exists. Anything else would reach the
   * operations as a pool id and come back as a validation message about {@code userPoolId}.
   */
  private static String poolId(
      String where, String pool, Map<String, ProvisionedResource> templates, Calls calls) {
    ProvisionedResource resource = templates.get(pool);
    if (resource != null && resource.type().equals(UserPoolKind.TYPE)) {
      return resource.physicalId();
    }
    if (resource == null
        && pool.matches(POOL_ID)
        && calls.exists("DescribeUserPool", Map.of("UserPoolId", pool))) {
      return pool;
    }
    List<String> pools =
        templates.values().stream().filter(r -> r.type().equals(UserPoolKind.TYPE)).map(ProvisionedResource::logicalId)
            .toList();
    throw new ProvisioningException(
        where + ": pool " + pool + " is neither a pool of the templates (" + String.join(", ", pools)
            + ") nor the id of a pool");
  }

  /** A seed written in the API's shapes ({@code [{Name, Value}]}, one group as text) is refused, not dropped. */
  private static void checkShapes(String where, Map<String, Object> user) {
    Object attributes = user.get("attributes");
    if (attributes != null && !(attributes instanceof Map<?, ?>)) {
      throw new ProvisioningException(where + ": attributes must map names to values (email: alice@example.com)");
    }
    Object groups = user.get("groups");
    if (groups != null && !(groups instanceof List<?>)) {
      throw new ProvisioningException(where + ": groups must be a list of group names ([admins])");
    }
  }

  private static ProvisionedResource user(
      String where, String poolId, String username, Map<String, Object> user, Calls calls) {
    checkShapes(where, user);
    boolean kept =
        calls.exists("AdminGetUser", Map.of("UserPoolId", poolId, "Username", username))
            || !create(where, poolId, username, user, calls);
    return new ProvisionedResource(
        username, Provisioned.SEEDED_USER, username, Map.of("UserPoolId", poolId), kept);
  }

  /**
   * Creates the user, false when a client created the same username since it was looked up: the database's unique
   * key decides, and the user is then kept as that client made it.
   */
  private static boolean create(
      String where, String poolId, String username, Map<String, Object> user, Calls calls) {
    try {
      String status = String.valueOf(user.getOrDefault("status", "CONFIRMED")).toUpperCase(Locale.ROOT);
      String password = text(user.get("password"));
      List<Map<String, Object>> attributes = new ArrayList<>();
      TemplateParser.map(user.get("attributes"))
          .forEach((name, value) -> attributes.add(Map.of("Name", name, "Value", String.valueOf(value))));
      switch (status) {
        case "CONFIRMED" -> {
          adminCreate(poolId, username, attributes, need(where, status, password), calls);
          calls.call(
              "AdminSetUserPassword",
              Map.of("UserPoolId", poolId, "Username", username, "Password", password, "Permanent", true));
        }
        case "FORCE_CHANGE_PASSWORD" -> adminCreate(poolId, username, attributes, password, calls);
        case "UNCONFIRMED" -> signUp(where, poolId, username, attributes, need(where, status, password), calls);
        default -> throw new ProvisioningException(
            where + ": status must be CONFIRMED, FORCE_CHANGE_PASSWORD or UNCONFIRMED, was " + status);
      }
    } catch (CognitoException e) {
      if (e.type() == CognitoErrorType.USERNAME_EXISTS) {
        return false;
      }
      throw e;
    }
    for (Object group : user.get("groups") instanceof List<?> list ? list : List.of()) {
      addToGroup(poolId, username, String.valueOf(group), calls);
    }
    return true;
  }

  private static void adminCreate(
      String poolId, String username, List<Map<String, Object>> attributes, String password, Calls calls) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("UserPoolId", poolId);
    body.put("Username", username);
    body.put("UserAttributes", attributes);
    body.put("MessageAction", "SUPPRESS");
    if (password != null) {
      body.put("TemporaryPassword", password);
    }
    calls.call("AdminCreateUser", body);
  }

  /** SignUp needs an app client; the pool's first one is used, with its SECRET_HASH when it has a secret. */
  private static void signUp(
      String where, String poolId, String username, List<Map<String, Object>> attributes, String password,
      Calls calls) {
    List<?> clients = calls.list("ListUserPoolClients", Map.of("UserPoolId", poolId, "MaxResults", 60), "UserPoolClients");
    if (clients.isEmpty()) {
      throw new ProvisioningException(
          where + ": an UNCONFIRMED user is signed up through an app client, and the pool has none");
    }
    String clientId = String.valueOf(TemplateParser.map(clients.get(0)).get("ClientId"));
    Map<String, Object> client =
        calls.member("DescribeUserPoolClient", Map.of("UserPoolId", poolId, "ClientId", clientId), "UserPoolClient");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ClientId", clientId);
    body.put("Username", username);
    body.put("Password", password);
    body.put("UserAttributes", attributes);
    if (client.get("ClientSecret") instanceof String secret) {
      body.put("SecretHash", SecretHash.compute(secret, username, clientId));
    }
    calls.call("SignUp", body);
  }

  private static void addToGroup(String poolId, String username, String group, Calls calls) {
    // A group that exists, from the template, a seed before or a client, is used as it is.
    calls.created("CreateGroup", Map.of("UserPoolId", poolId, "GroupName", group), CognitoErrorType.GROUP_EXISTS);
    calls.call("AdminAddUserToGroup", Map.of("UserPoolId", poolId, "Username", username, "GroupName", group));
  }

  private static String need(String where, String status, String password) {
    if (password == null) {
      throw new ProvisioningException(where + ": a " + status + " user needs a password");
    }
    return password;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
