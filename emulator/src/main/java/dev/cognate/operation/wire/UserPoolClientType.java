package dev.cognate.operation.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.cognate.domain.AppClient;
import dev.cognate.domain.TokenValidity;
import java.util.List;
import java.util.Map;

/** An app client as CreateUserPoolClient and DescribeUserPoolClient describe it. */
public record UserPoolClientType(
    String UserPoolId,
    String ClientName,
    String ClientId,
    String ClientSecret,
    Double LastModifiedDate,
    Double CreationDate,
    Long RefreshTokenValidity,
    Integer AccessTokenValidity,
    Integer IdTokenValidity,
    TokenValidityUnitsType TokenValidityUnits,
    List<String> ExplicitAuthFlows,
    Boolean AllowedOAuthFlowsUserPoolClient,
    String PreventUserExistenceErrors,
    Boolean EnableTokenRevocation,
    Boolean EnablePropagateAdditionalUserContextData,
    Integer AuthSessionValidity,
    @JsonAnyGetter Map<String, Object> echoed) {

  public static UserPoolClientType of(AppClient c) {
    TokenValidity v = c.tokenValidity();
    return new UserPoolClientType(
        c.userPoolId(),
        c.name(),
        c.clientId(),
        c.secret().orElse(null),
        Timestamps.seconds(c.modifiedAt()),
        Timestamps.seconds(c.createdAt()),
        v.refreshValue(),
        v.accessValue(),
        v.idValue(),
        new TokenValidityUnitsType(v.accessUnit(), v.idUnit(), v.refreshUnit()),
        c.explicitAuthFlows(),
        Boolean.TRUE.equals(c.echoed().get("AllowedOAuthFlowsUserPoolClient")),
        c.preventUserExistenceErrors() ? "ENABLED" : "LEGACY",
        c.enableTokenRevocation(),
        Boolean.TRUE.equals(c.echoed().get("EnablePropagateAdditionalUserContextData")),
        c.authSessionValidity(),
        withoutFlags(c.echoed()));
  }

  private static Map<String, Object> withoutFlags(Map<String, Object> echoed) {
    Map<String, Object> rest = new java.util.LinkedHashMap<>(echoed);
    rest.remove("AllowedOAuthFlowsUserPoolClient");
    rest.remove("EnablePropagateAdditionalUserContextData");
    return rest;
  }
}
