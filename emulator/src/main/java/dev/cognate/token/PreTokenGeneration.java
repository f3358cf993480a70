package dev.cognate.token;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.cognate.TriggerKind;
import dev.cognate.domain.AppClient;
import dev.cognate.domain.Group;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.trigger.TriggerCalls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Pre token generation trigger in its first version (V1_0): it may add, change or suppress claims of the ID
 * token, and replace the groups and IAM roles both tokens carry.
 */
public final class PreTokenGeneration {
  // Claims Cognito fills itself; a trigger asking to add, change or suppress one of them is not heard.
  private static final Set<String> RESERVED =
      Set.of(
          "acr", "amr", "aud", "at_hash", "auth_time", "azp", "cognito:username", "exp", "iat", "identities", "iss",
          "jti", "nbf", "nonce", "origin_jti", "sub", "token_use", "event_id", "cognito:groups", "cognito:roles",
          "cognito:preferred_role");

  private final TriggerCalls triggers;

  public PreTokenGeneration(TriggerCalls triggers) {
    this.triggers = triggers;
  }

  /** What the trigger asked for, or the user's own groups and roles when the pool has no such trigger. */
  public Override override(UserPool pool, AppClient client, User user, List<Group> memberOf, boolean refresh) {
    List<String> groups = memberOf.stream().map(Group::name).toList();
    List<String> roles = Group.roles(memberOf);
    Optional<String> preferred = Group.preferredRole(memberOf);
    Map<String, Object> groupConfiguration = new LinkedHashMap<>();
    groupConfiguration.put("groupsToOverride", groups);
    groupConfiguration.put("iamRolesToOverride", roles);
    groupConfiguration.put("preferredRole", preferred.orElse(null));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("userAttributes", new LinkedHashMap<>(user.attributes()));
    request.put("groupConfiguration", groupConfiguration);
    request.put("clientMetadata", Map.of());
    Optional<Map<String, Object>> response =
        triggers.call(
            TriggerKind.PRE_TOKEN_GENERATION,
            refresh ? "TokenGeneration_RefreshTokens" : "TokenGeneration_Authentication",
            new TriggerCalls.Caller(pool.id(), client.clientId(), user.username()),
            request);
    if (response.isEmpty()) {
      return new Override(groups, roles, preferred, Map.of(), List.of());
    }
    Map<String, Object> details = TriggerCalls.object(response.get(), "claimsOverrideDetails");
    Map<String, Object> groupOverride = TriggerCalls.object(details, "groupOverrideDetails");
    return new Override(
        groupOverride.containsKey("groupsToOverride") ? TriggerCalls.list(groupOverride, "groupsToOverride") : groups,
        groupOverride.containsKey("iamRolesToOverride")
            ? TriggerCalls.list(groupOverride, "iamRolesToOverride")
            : roles,
        groupOverride.containsKey("preferredRole")
            ? Optional.ofNullable(groupOverride.get("preferredRole")).map(Object::toString)
            : preferred,
        TriggerCalls.strings(details, "claimsToAddOrOverride"),
        TriggerCalls.list(details, "claimsToSuppress"));
  }

  /** Groups and roles for the tokens, and the changes to the ID token's other claims. */
  public record Override(
      List<String> groups,
      List<String> roles,
      Optional<String> preferredRole,
      Map<String, String> claimsToAddOrOverride,
      List<String> claimsToSuppress) {

    void applyTo(JWTClaimsSet.Builder id) {
      claimsToAddOrOverride.forEach(
          (name, value) -> {
            if (!RESERVED.contains(name)) {
              id.claim(name, value);
            }
          });
      // A null value takes the claim out of the token.
      claimsToSuppress.stream().filter(name -> !RESERVED.contains(name)).forEach(name -> id.claim(name, null));
    }
  }
}
