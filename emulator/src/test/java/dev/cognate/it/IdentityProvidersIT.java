package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Race;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DuplicateProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListIdentityProvidersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ProviderDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;

/**
 * CreateIdentityProvider, DescribeIdentityProvider, ListIdentityProviders, UpdateIdentityProvider,
 * DeleteIdentityProvider and GetIdentityProviderByIdentifier via the SDK.
 */
class IdentityProvidersIT {
  private static final String MISSING_POOL = "us-east-1_AAAAAAAAA";
  private static final Map<String, String> OIDC_DETAILS =
      Map.of(
          "client_id", "abc",
          "client_secret", "shh",
          "oidc_issuer", "https://issuer.example.com",
          "authorize_scopes", "openid email",
          "attributes_request_method", "GET");

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  private String poolId;

  @BeforeEach
  void createPool() {
    poolId = cognito.createUserPool(r -> r.poolName("providers")).userPool().id();
  }

  @Test
  void createdProviderIsDescribedWhole() {
    IdentityProviderType created =
        cognito
            .createIdentityProvider(
                r ->
                    r.userPoolId(poolId)
                        .providerName("Corp")
                        .providerType(IdentityProviderTypeType.OIDC)
                        .providerDetails(OIDC_DETAILS)
                        .attributeMapping(Map.of("email", "email"))
                        .idpIdentifiers("corp.example.com", "corp"))
            .identityProvider();
    assertEquals(poolId, created.userPoolId());
    assertEquals("Corp", created.providerName());
    assertEquals(IdentityProviderTypeType.OIDC, created.providerType());
    assertEquals(OIDC_DETAILS, created.providerDetails());
    assertEquals(Map.of("email", "email"), created.attributeMapping());
    assertEquals(List.of("corp.example.com", "corp"), created.idpIdentifiers());
    assertNotNull(created.creationDate());
    assertEquals(created.creationDate(), created.lastModifiedDate());

    assertEquals(created, describe("Corp"));
  }

  @Test
  void providerIsFoundByEachOfItsIdentifiers() {
    create("Corp", "corp.example.com", "corp");
    create("Other", "other");
    assertEquals("Corp", byIdentifier("corp").providerName());
    assertEquals("Corp", byIdentifier("corp.example.com").providerName());
    assertEquals("Other", byIdentifier("other").providerName());
    assertCognitoError(
        ResourceNotFoundException.class,
        "Identity provider with identifier nobody does not exist.",
        () -> byIdentifier("nobody"));
  }

  @Test
  void aNameIsUniqueWithinAPool() {
    create("Corp");
    assertCognitoError(
        DuplicateProviderException.class,
        "Corp already exists in user pool " + poolId,
        () -> create("Corp"));
    String other = cognito.createUserPool(r -> r.poolName("other")).userPool().id();
    cognito.createIdentityProvider(
        r ->
            r.userPoolId(other)
                .providerName("Corp")
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(OIDC_DETAILS));
  }

  @Test
  void anIdentifierIsUniqueWithinAPool() {
    create("Corp", "shared");
    assertInvalidParameter(
        "The identifier shared is already used by an identity provider in this user pool.",
        () -> create("Other", "mine", "shared"));
    assertCognitoError(
        ResourceNotFoundException.class, "Identity provider Other does not exist.", () -> describe("Other"));
    assertInvalidParameter(
        "The identifier twice is already used by an identity provider in this user pool.",
        () -> create("Third", "twice", "twice"));
    create("Fourth");
    assertInvalidParameter(
        "The identifier shared is already used by an identity provider in this user pool.",
        () -> cognito.updateIdentityProvider(r -> r.userPoolId(poolId).providerName("Fourth").idpIdentifiers("shared")));
  }

  @Test
  void aSocialProviderIsNamedAfterItsType() {
    IdentityProviderType google =
        cognito
            .createIdentityProvider(
                r ->
                    r.userPoolId(poolId)
                        .providerName("Google")
                        .providerType(IdentityProviderTypeType.GOOGLE)
                        .providerDetails(Map.of("client_id", "g", "client_secret", "s", "authorize_scopes", "email")))
            .identityProvider();
    assertEquals(IdentityProviderTypeType.GOOGLE, google.providerType());
    assertInvalidParameter(
        "Provider MyGoogle cannot be of type Google.",
        () ->
            cognito.createIdentityProvider(
                r ->
                    r.userPoolId(poolId)
                        .providerName("MyGoogle")
                        .providerType(IdentityProviderTypeType.GOOGLE)
                        .providerDetails(Map.of("client_id", "g"))));
  }

  @Test
  void createRefusals() {
    assertInvalidParameter(
        "The provider name COGNITO is reserved.", () -> create("COGNITO"));
    assertInvalidParameter(
        "1 validation error detected: Value '_x' at 'providerName' failed to satisfy constraint: Member must"
            + " satisfy regular expression pattern: [^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+",
        () -> create("_x"));
    assertInvalidParameter(
        "1 validation error detected: Value 'Corp' at 'providerType' failed to satisfy constraint: Member must"
            + " satisfy enum value set: [SAML, Facebook, Google, LoginWithAmazon, SignInWithApple, OIDC]",
        () ->
            cognito.createIdentityProvider(
                r -> r.userPoolId(poolId).providerName("Corp").providerType("Corp").providerDetails(OIDC_DETAILS)));
    assertInvalidParameter(
        "1 validation error detected: Value null at 'providerDetails' failed to satisfy constraint: Member must not"
            + " be null",
        () ->
            cognito.createIdentityProvider(
                r -> r.userPoolId(poolId).providerName("Corp").providerType(IdentityProviderTypeType.OIDC)));
    assertInvalidParameter(
        "1 validation error detected: Value '[ok, bad/one]' at 'idpIdentifiers' failed to satisfy constraint:"
            + " Member must satisfy constraint: [Member must satisfy regular expression pattern: [\\w\\s+=.@-]+]",
        () -> create("Corp", "ok", "bad/one"));
    assertInvalidParameter(
        "1 validation error detected: Value '[" + "x".repeat(41) + "]' at 'idpIdentifiers' failed to satisfy"
            + " constraint: Member must satisfy constraint: [Member must have length less than or equal to 40]",
        () -> create("Corp", "x".repeat(41)));
    String longKey = "k".repeat(33);
    assertInvalidParameter(
        "1 validation error detected: Value '{" + longKey + "=email}' at 'attributeMapping' failed to satisfy"
            + " constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 32]",
        () ->
            cognito.createIdentityProvider(
                r ->
                    r.userPoolId(poolId)
                        .providerName("Corp")
                        .providerType(IdentityProviderTypeType.OIDC)
                        .providerDetails(OIDC_DETAILS)
                        .attributeMapping(Map.of(longKey, "email"))));
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      tooMany.add("id" + i);
    }
    assertInvalidParameter(
        "1 validation error detected: Value '" + tooMany + "' at 'idpIdentifiers' failed to satisfy constraint:"
            + " Member must have length less than or equal to 50",
        () -> create("Corp", tooMany.toArray(String[]::new)));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () ->
            cognito.createIdentityProvider(
                r ->
                    r.userPoolId(MISSING_POOL)
                        .providerName("Corp")
                        .providerType(IdentityProviderTypeType.OIDC)
                        .providerDetails(OIDC_DETAILS)));
  }

  @Test
  void updateReplacesWhatItNamesAndKeepsTheRest() throws InterruptedException {
    IdentityProviderType created = create("Corp", "old-id");
    Thread.sleep(5);
    IdentityProviderType updated =
        cognito
            .updateIdentityProvider(
                r -> r.userPoolId(poolId).providerName("Corp").attributeMapping(Map.of("name", "full_name")).idpIdentifiers("new-id"))
            .identityProvider();
    assertEquals(OIDC_DETAILS, updated.providerDetails(), "details kept");
    assertEquals(Map.of("name", "full_name"), updated.attributeMapping());
    assertEquals(List.of("new-id"), updated.idpIdentifiers());
    assertEquals(created.creationDate(), updated.creationDate());
    assertTrue(updated.lastModifiedDate().isAfter(created.lastModifiedDate()), "LastModifiedDate moves");
    assertEquals(updated, describe("Corp"));

    assertEquals("Corp", byIdentifier("new-id").providerName());
    assertCognitoError(
        ResourceNotFoundException.class,
        "Identity provider with identifier old-id does not exist.",
        () -> byIdentifier("old-id"));
    create("Other", "old-id");
  }

  @Test
  void updateRefusals() {
    create("Corp", "corp");
    create("Other", "other");
    assertInvalidParameter(
        "The identifier other is already used by an identity provider in this user pool.",
        () -> cognito.updateIdentityProvider(r -> r.userPoolId(poolId).providerName("Corp").idpIdentifiers("other")));
    assertEquals(List.of("corp"), describe("Corp").idpIdentifiers(), "a refused update changes nothing");
    assertCognitoError(
        ResourceNotFoundException.class,
        "Identity provider Nobody does not exist.",
        () -> cognito.updateIdentityProvider(r -> r.userPoolId(poolId).providerName("Nobody")));
  }

  @Test
  void deleteTakesTheIdentifiersAlong() {
    create("Corp", "corp");
    cognito.deleteIdentityProvider(r -> r.userPoolId(poolId).providerName("Corp"));
    assertCognitoError(
        ResourceNotFoundException.class, "Identity provider Corp does not exist.", () -> describe("Corp"));
    assertCognitoError(
        ResourceNotFoundException.class,
        "Identity provider with identifier corp does not exist.",
        () -> byIdentifier("corp"));
    assertCognitoError(
        ResourceNotFoundException.class,
        "Identity provider Corp does not exist.",
        () -> cognito.deleteIdentityProvider(r -> r.userPoolId(poolId).providerName("Corp")));
    create("Corp", "corp");
  }

  @Test
  void listPagesInCreationOrder() {
    for (int i = 0; i < 5; i++) {
      create("Provider" + i);
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListIdentityProvidersResponse page =
          cognito.listIdentityProviders(r -> r.userPoolId(poolId).maxResults(2).nextToken(next));
      for (ProviderDescription p : page.providers()) {
        seen.add(p.providerName());
        assertEquals(IdentityProviderTypeType.OIDC, p.providerType());
        assertNotNull(p.creationDate());
        assertNotNull(p.lastModifiedDate());
      }
      token = page.nextToken();
    } while (token != null);
    assertEquals(List.of("Provider0", "Provider1", "Provider2", "Provider3", "Provider4"), seen);

    ListIdentityProvidersResponse all = cognito.listIdentityProviders(r -> r.userPoolId(poolId).maxResults(0));
    assertEquals(5, all.providers().size());
    assertNull(all.nextToken());
    assertInvalidParameter(
        "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have"
            + " value less than or equal to 60",
        () -> cognito.listIdentityProviders(r -> r.userPoolId(poolId).maxResults(61)));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.listIdentityProviders(r -> r.userPoolId(MISSING_POOL)));
  }

  @Test
  void aClientMaySupportCognitoAndThePoolsProviders() {
    create("Corp");
    List<String> names = List.of("COGNITO", "Corp");
    assertEquals(
        names,
        cognito
            .createUserPoolClient(r -> r.userPoolId(poolId).clientName("web").supportedIdentityProviders(names))
            .userPoolClient()
            .supportedIdentityProviders());
  }

  @Test
  void aClientCannotSupportAProviderThePoolLacks() {
    String other = cognito.createUserPool(r -> r.poolName("other")).userPool().id();
    cognito.createIdentityProvider(
        r ->
            r.userPoolId(other)
                .providerName("Elsewhere")
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(OIDC_DETAILS));
    for (String name : List.of("Corp", "Elsewhere", "cognito")) {
      assertInvalidParameter(
          "The provider " + name + " does not exist for User Pool " + poolId + ".",
          () ->
              cognito.createUserPoolClient(
                  r -> r.userPoolId(poolId).clientName("web").supportedIdentityProviders("COGNITO", name)));
    }
  }

  @Test
  void racingProvidersGetAnIdentifierOnce() throws Exception {
    List<Race.Outcome> outcomes = Race.run(8, 8, i -> create("Racer" + i, "contested").providerName());
    System.out.println("8 providers raced for one identifier: " + tally(outcomes));
    assertEquals(1, outcomes.stream().filter(Race.Outcome::ok).count(), outcomes.toString());
    String winner = outcomes.stream().filter(Race.Outcome::ok).findFirst().orElseThrow().value();
    assertEquals(winner, byIdentifier("contested").providerName());
    assertEquals(1, cognito.listIdentityProviders(r -> r.userPoolId(poolId)).providers().size(), "losers left nothing");
  }

  private IdentityProviderType create(String name, String... identifiers) {
    return cognito
        .createIdentityProvider(
            r ->
                r.userPoolId(poolId)
                    .providerName(name)
                    .providerType(IdentityProviderTypeType.OIDC)
                    .providerDetails(OIDC_DETAILS)
                    .idpIdentifiers(identifiers))
        .identityProvider();
  }

  private IdentityProviderType describe(String name) {
    return cognito
        .describeIdentityProvider(r -> r.userPoolId(poolId).providerName(name))
        .identityProvider();
  }

  private IdentityProviderType byIdentifier(String identifier) {
    return cognito
        .getIdentityProviderByIdentifier(r -> r.userPoolId(poolId).idpIdentifier(identifier))
        .identityProvider();
  }

  /** How the calls of a race ended, counted by outcome: one short line for the test log. */
  private static Map<String, Long> tally(List<Race.Outcome> outcomes) {
    return outcomes.stream()
        .collect(
            Collectors.groupingBy(
                o -> o.ok() ? "ok" : o.errorCode() + " " + o.message(),
                TreeMap::new,
                Collectors.counting()));
  }
}
