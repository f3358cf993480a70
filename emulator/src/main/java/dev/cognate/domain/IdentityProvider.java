package dev.cognate.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A federated identity provider of a pool. Cognate stores it and names it in client settings; it signs no one in. */
public record IdentityProvider(
    String userPoolId,
    String name,
    String type,
    Map<String, String> details,
    Map<String, String> attributeMapping,
    List<String> identifiers,
    Instant createdAt,
    Instant modifiedAt) {}
