package dev.cognate.operation.wire;

import dev.cognate.domain.IdentityProvider;
import java.util.List;
import java.util.Map;

/** An identity provider as Cognito describes it. */
public record IdentityProviderType(
    String UserPoolId,
    String ProviderName,
    String ProviderType,
    Map<String, String> ProviderDetails,
    Map<String, String> AttributeMapping,
    List<String> IdpIdentifiers,
    Double LastModifiedDate,
    Double CreationDate) {

  public static IdentityProviderType of(IdentityProvider provider) {
    return new IdentityProviderType(
        provider.userPoolId(),
        provider.name(),
        provider.type(),
        provider.details(),
        provider.attributeMapping(),
        provider.identifiers(),
        Timestamps.seconds(provider.modifiedAt()),
        Timestamps.seconds(provider.createdAt()));
  }
}
