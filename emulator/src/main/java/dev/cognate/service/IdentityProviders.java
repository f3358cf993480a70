package dev.cognate.service;

import dev.cognate.domain.IdentityProvider;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.storage.IdentityProviderStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Identity providers: a name, and each identifier, is unique within a pool; COGNITO names the pool itself. */
public final class IdentityProviders {
  /** The provider name that stands for the pool's own users in a client's SupportedIdentityProviders. */
  public static final String COGNITO = "COGNITO";

  // A social provider is named after its type, so that a pool has one of each.
  private static final Set<String> SOCIAL_TYPES = Set.of("Facebook", "Google", "LoginWithAmazon", "SignInWithApple");

  private final IdentityProviderStore providers;
  private final Clock clock;

  public IdentityProviders(IdentityProviderStore providers, Clock clock) {
    this.providers = providers;
    this.clock = clock;
  }

  public IdentityProvider create(
      UserPool pool,
      String name,
      String type,
      Map<String, String> details,
      Map<String, String> attributeMapping,
      List<String> identifiers) {
    if (COGNITO.equalsIgnoreCase(name)) {
      throw CognitoException.invalidParameter("The provider name " + name + " is reserved.");
    }
    if (SOCIAL_TYPES.contains(type) && !type.equals(name)) {
      throw CognitoException.invalidParameter("Provider " + name + " cannot be of type " + type + ".");
    }
    Instant now = clock.instant();
    IdentityProvider provider =
        new IdentityProvider(
            pool.id(), name, type, Map.copyOf(details), Map.copyOf(attributeMapping), List.copyOf(identifiers),
            now, now);
    return written(providers.insert(provider), provider);
  }

  public IdentityProvider find(UserPool pool, String name) {
    return providers.find(pool.id(), name).orElseThrow(() -> notFound(name));
  }

  public Optional<IdentityProvider> named(String userPoolId, String name) {
    return providers.find(userPoolId, name);
  }

  public IdentityProvider byIdentifier(UserPool pool, String identifier) {
    return providers
        .findByIdentifier(pool.id(), identifier)
        .orElseThrow(
            () -> CognitoException.notFound("Identity provider with identifier " + identifier + " does not exist."));
  }

  /** Replaces the settings given and keeps the others, as UpdateIdentityProvider does. */
  public IdentityProvider update(
      UserPool pool,
      String name,
      Optional<Map<String, String>> details,
      Optional<Map<String, String>> attributeMapping,
      Optional<List<String>> identifiers) {
    IdentityProvider current = find(pool, name);
    IdentityProvider changed =
        new IdentityProvider(
            pool.id(),
            current.name(),
            current.type(),
            details.<Map<String, String>>map(Map::copyOf).orElse(current.details()),
            attributeMapping.<Map<String, String>>map(Map::copyOf).orElse(current.attributeMapping()),
            identifiers.<List<String>>map(List::copyOf).orElse(current.identifiers()),
            current.createdAt(),
            clock.instant());
    return written(providers.replace(changed), changed);
  }

  public void delete(UserPool pool, String name) {
    if (!providers.delete(pool.id(), name)) {
      throw notFound(name);
    }
  }

  private IdentityProvider written(IdentityProviderStore.Write outcome, IdentityProvider provider) {
    return switch (outcome) {
      case WRITTEN -> provider;
      case NAME_TAKEN ->
          throw new CognitoException(
              CognitoErrorType.DUPLICATE_PROVIDER,
              provider.name() + " already exists in user pool " + provider.userPoolId());
      case IDENTIFIER_TAKEN -> throw identifierTaken(provider);
      case GONE -> throw notFound(provider.name());
    };
  }

  /** Names the identifier the database refused: repeated in the request, or held by another provider. */
  private CognitoException identifierTaken(IdentityProvider provider) {
    List<String> identifiers = provider.identifiers();
    String taken =
        identifiers.stream()
            .filter(i -> identifiers.indexOf(i) != identifiers.lastIndexOf(i))
            .findFirst()
            .or(
                () ->
                    identifiers.stream()
                        .filter(
                            i ->
                                providers
                                    .findByIdentifier(provider.userPoolId(), i)
                                    .filter(other -> !other.name().equals(provider.name()))
                                    .isPresent())
                        .findFirst())
            .orElse(String.join(", ", identifiers));
    return CognitoException.invalidParameter(
        "The identifier " + taken + " is already used by an identity provider in this user pool.");
  }

  private static CognitoException notFound(String name) {
    return CognitoException.notFound("Identity provider " + name + " does not exist.");
  }
}
