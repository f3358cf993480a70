package dev.cognate.operation;

import dev.cognate.domain.TokenValidity;
import dev.cognate.operation.wire.TokenValidityUnitsType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client settings CreateUserPoolClient and UpdateUserPoolClient both carry, and how they become stored
 * settings, so that an update replaces each one exactly as a create sets it: a member left out takes Cognito's
 * default.
 */
interface ClientSettingsMembers {
  String UserPoolId();

  String ClientName();

  Long RefreshTokenValidity();

  Integer AccessTokenValidity();

  Integer IdTokenValidity();

  TokenValidityUnitsType TokenValidityUnits();

  List<String> ReadAttributes();

  List<String> WriteAttributes();

  List<String> ExplicitAuthFlows();

  List<String> SupportedIdentityProviders();

  List<String> CallbackURLs();

  List<String> LogoutURLs();

  String DefaultRedirectURI();

  List<String> AllowedOAuthFlows();

  List<String> AllowedOAuthScopes();

  Boolean AllowedOAuthFlowsUserPoolClient();

  Map<String, Object> AnalyticsConfiguration();

  String PreventUserExistenceErrors();

  Boolean EnableTokenRevocation();

  Boolean EnablePropagateAdditionalUserContextData();

  Integer AuthSessionValidity();

  Map<String, Object> RefreshTokenRotation();

  /** Values with their units; absent units mean hours, hours and days, as the API documents. */
  default TokenValidity tokenValidity() {
    TokenValidityUnitsType units = TokenValidityUnits();
    String accessUnit = units != null && units.AccessToken() != null ? units.AccessToken() : "hours";
    String idUnit = units != null && units.IdToken() != null ? units.IdToken() : "hours";
    String refreshUnit = units != null && units.RefreshToken() != null ? units.RefreshToken() : "days";
    TokenValidity d = TokenValidity.DEFAULT;
    boolean refreshDefault = RefreshTokenValidity() == null || RefreshTokenValidity() == 0;
    return new TokenValidity(
        AccessTokenValidity() == null ? d.accessValue() : AccessTokenValidity(),
        AccessTokenValidity() == null ? d.accessUnit() : accessUnit,
        IdTokenValidity() == null ? d.idValue() : IdTokenValidity(),
        IdTokenValidity() == null ? d.idUnit() : idUnit,
        refreshDefault ? d.refreshValue() : RefreshTokenValidity(),
        refreshDefault ? d.refreshUnit() : refreshUnit);
  }

  default boolean preventUserExistenceErrors() {
    return "ENABLED".equals(PreventUserExistenceErrors());
  }

  default boolean enableTokenRevocation() {
    return EnableTokenRevocation() == null || EnableTokenRevocation();
  }

  default int authSessionValidity() {
    return Optional.ofNullable(AuthSessionValidity()).orElse(3);
  }

  /** Settings kept and described back without being acted on; a member left out is not described. */
  default Map<String, Object> echoed() {
    Map<String, Object> echoed = new LinkedHashMap<>();
    put(echoed, "ReadAttributes", ReadAttributes());
    put(echoed, "WriteAttributes", WriteAttributes());
    put(echoed, "SupportedIdentityProviders", SupportedIdentityProviders());
    put(echoed, "CallbackURLs", CallbackURLs());
    put(echoed, "LogoutURLs", LogoutURLs());
    put(echoed, "DefaultRedirectURI", DefaultRedirectURI());
    put(echoed, "AllowedOAuthFlows", AllowedOAuthFlows());
    put(echoed, "AllowedOAuthScopes", AllowedOAuthScopes());
    put(echoed, "AllowedOAuthFlowsUserPoolClient", AllowedOAuthFlowsUserPoolClient());
    put(echoed, "AnalyticsConfiguration", AnalyticsConfiguration());
    put(echoed, "EnablePropagateAdditionalUserContextData", EnablePropagateAdditionalUserContextData());
    put(echoed, "RefreshTokenRotation", RefreshTokenRotation());
    return echoed;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
