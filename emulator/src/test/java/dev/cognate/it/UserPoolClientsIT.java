package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.support.EmulatorExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** CreateUserPoolClient, DescribeUserPoolClient, ListUserPoolClients and DeleteUserPoolClient via the SDK. */
class UserPoolClientsIT {
  private static final String MISSING_POOL = "us-east-1_AAAAAAAAA";
  private static final String MISSING_CLIENT = "0123456789abcdefghijklmnop";
  private static final String INVALID_RANGE = "Invalid range for token validity.";

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  private String poolId;

  @BeforeEach
  void createPool() {
    poolId = cognito.createUserPool(r -> r.poolName("clients")).userPool().id();
  }

  // ---------------------------------------------------------------------------------------------------------
  // CreateUserPoolClient / DescribeUserPoolClient

  @Test
  void createReturnsIdNameAndPool() {
    UserPoolClientType client = create(r -> r.clientName("web"));

    assertTrue(client.clientId().matches("[0-9a-v]{26}"), client.clientId());
    assertEquals("web", client.clientName());
    assertEquals(poolId, client.userPoolId());
    assertNull(client.clientSecret(), "no secret unless GenerateSecret");
    assertNotNull(client.creationDate(), "CreationDate");
    assertNotNull(client.lastModifiedDate(), "LastModifiedDate");

    UserPoolClientType described = describe(client.clientId());
    assertEquals(client.clientId(), described.clientId());
    assertEquals("web", described.clientName());
    assertEquals(poolId, described.userPoolId());
    assertNull(described.clientSecret());
  }

  @Test
  void clientIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      ids.add(create(r -> r.clientName("same")).clientId());
    }
    assertEquals(5, ids.size(), ids.toString());
  }

  @Test
  void defaultsEchoedByDescribe() {
    String clientId = create(r -> r.clientName("defaults")).clientId();
    UserPoolClientType described = describe(clientId);

    assertEquals(
        Set.of(
            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH,
            ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
            ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH),
        new HashSet<>(described.explicitAuthFlows()),
        "ExplicitAuthFlows default " + described.explicitAuthFlowsAsStrings());
    assertEquals(3, described.authSessionValidity());
  }

  @Test
  void explicitAuthFlowsAreEchoed() {
    String clientId =
        create(
                r ->
                    r.clientName("flows")
                        .explicitAuthFlows(
                            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
            .clientId();
    assertEquals(
        Set.of(
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH),
        new HashSet<>(describe(clientId).explicitAuthFlows()));
  }

  @Test
  void generatedSecretInCreateAndDescribe() {
    UserPoolClientType client = create(r -> r.clientName("server").generateSecret(true));

    assertNotNull(client.clientSecret(), "ClientSecret missing from CreateUserPoolClient");
    assertTrue(client.clientSecret().matches("[a-z0-9]{52}"), client.clientSecret());
    assertEquals(client.clientSecret(), describe(client.clientId()).clientSecret());

    UserPoolClientType other = create(r -> r.clientName("server2").generateSecret(true));
    assertTrue(!other.clientSecret().equals(client.clientSecret()), "secrets must differ");
  }

  @Test
  void createInUnknownPoolIsResourceNotFound() {
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.createUserPoolClient(r -> r.userPoolId(MISSING_POOL).clientName("x")));
  }

  @Test
  void describeUnknownClientIsResourceNotFound() {
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool client " + MISSING_CLIENT + " does not exist.",
        () -> cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(MISSING_CLIENT)));
  }

  @Test
  void clientOfOnePoolIsNotFoundInAnother() {
    String clientId = create(r -> r.clientName("mine")).clientId();
    String otherPool = cognito.createUserPool(r -> r.poolName("other")).userPool().id();

    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool client " + clientId + " does not exist.",
        () -> cognito.describeUserPoolClient(r -> r.userPoolId(otherPool).clientId(clientId)));
  }

  @Test
  void createValidationErrors() {
    assertInvalidParameter(
        "1 validation error detected: Value null at 'clientName' failed to satisfy constraint: "
            + "Member must not be null",
        () -> cognito.createUserPoolClient(r -> r.userPoolId(poolId)));
    assertInvalidParameter(
        "1 validation error detected: Value '16' at 'authSessionValidity' failed to satisfy constraint: "
            + "Member must have value less than or equal to 15",
        () -> cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("c").authSessionValidity(16)));
    assertInvalidParameter(
        "1 validation error detected: Value '0' at 'accessTokenValidity' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1",
        () -> cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("c").accessTokenValidity(0)));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Token validity

  @Test
  void accessTokenValidityBelowFiveMinutesIsInvalidRange() {
    assertInvalidParameter(
        INVALID_RANGE,
        () ->
            create(
                r ->
                    r.clientName("short-access")
                        .accessTokenValidity(2)
                        .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES))));
  }

  @Test
  void idTokenValidityAboveOneDayIsInvalidRange() {
    assertInvalidParameter(
        INVALID_RANGE,
        () ->
            create(
                r ->
                    r.clientName("long-id")
                        .idTokenValidity(2)
                        .tokenValidityUnits(u -> u.idToken(TimeUnitsType.DAYS))));
  }

  @Test
  void refreshTokenValidityAboveTenYearsIsInvalidRange() {
    assertInvalidParameter(
        INVALID_RANGE,
        () ->
            create(
                r ->
                    r.clientName("long-refresh")
                        .refreshTokenValidity(3651)
                        .tokenValidityUnits(u -> u.refreshToken(TimeUnitsType.DAYS))));
  }

  @Test
  void validityWithoutUnitsUsesHoursAndDays() {
    // Units absent = hours for access/ID tokens: 25 hours is over the one-day maximum.
    assertInvalidParameter(INVALID_RANGE, () -> create(r -> r.clientName("h").accessTokenValidity(25)));
    assertInvalidParameter(INVALID_RANGE, () -> create(r -> r.clientName("h").idTokenValidity(25)));
    // Units absent = days for refresh tokens: 3651 days is over ten years.
    assertInvalidParameter(INVALID_RANGE, () -> create(r -> r.clientName("d").refreshTokenValidity(3651)));
    // And 3650 days is the upper bound itself.
    assertEquals(3650, create(r -> r.clientName("d").refreshTokenValidity(3650)).refreshTokenValidity());
  }

  @Test
  void refreshTokenValidityBelowSixtyMinutesIsInvalidRange() {
    assertInvalidParameter(
        INVALID_RANGE,
        () ->
            create(
                r ->
                    r.clientName("short-refresh")
                        .refreshTokenValidity(59)
                        .tokenValidityUnits(u -> u.refreshToken(TimeUnitsType.MINUTES))));
  }

  @Test
  void boundaryValiditiesAreAccepted() {
    UserPoolClientType client =
        create(
            r ->
                r.clientName("bounds")
                    .accessTokenValidity(5)
                    .idTokenValidity(24)
                    .refreshTokenValidity(60)
                    .tokenValidityUnits(
                        u ->
                            u.accessToken(TimeUnitsType.MINUTES)
                                .idToken(TimeUnitsType.HOURS)
                                .refreshToken(TimeUnitsType.MINUTES)));
    UserPoolClientType described = describe(client.clientId());
    assertEquals(5, described.accessTokenValidity());
    assertEquals(24, described.idTokenValidity());
    assertEquals(60, described.refreshTokenValidity());
    assertNotNull(described.tokenValidityUnits(), "TokenValidityUnits");
    assertEquals(TimeUnitsType.MINUTES, described.tokenValidityUnits().accessToken());
    assertEquals(TimeUnitsType.HOURS, described.tokenValidityUnits().idToken());
    assertEquals(TimeUnitsType.MINUTES, described.tokenValidityUnits().refreshToken());
  }

  @Test
  void accessTokenValidityFiveWithoutUnitsIsAcceptedAndEchoed() {
    UserPoolClientType client =
        create(r -> r.clientName("seed").accessTokenValidity(5).idTokenValidity(5));
    assertEquals(5, client.accessTokenValidity());
    assertEquals(5, client.idTokenValidity());
    UserPoolClientType described = describe(client.clientId());
    assertEquals(5, described.accessTokenValidity());
    assertEquals(5, described.idTokenValidity());
  }

  // ---------------------------------------------------------------------------------------------------------
  // ListUserPoolClients

  @Test
  void listUserPoolClientsPaginates() {
    Map<String, String> created = new LinkedHashMap<>();
    for (int i = 1; i <= 5; i++) {
      String name = "client-" + i;
      created.put(create(r -> r.clientName(name)).clientId(), name);
    }
    // A client in another pool must not show up.
    String otherPool = cognito.createUserPool(r -> r.poolName("other")).userPool().id();
    cognito.createUserPoolClient(r -> r.userPoolId(otherPool).clientName("elsewhere"));

    List<UserPoolClientDescription> all = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListUserPoolClientsResponse page =
          cognito.listUserPoolClients(r -> r.userPoolId(poolId).maxResults(2).nextToken(next));
      assertTrue(page.userPoolClients().size() <= 2, "page larger than MaxResults");
      pageSizes.add(page.userPoolClients().size());
      all.addAll(page.userPoolClients());
      token = page.nextToken();
      assertTrue(++pages <= 10, "pagination does not terminate");
    } while (token != null);

    List<String> ids = all.stream().map(UserPoolClientDescription::clientId).collect(Collectors.toList());
    assertEquals(5, ids.size(), "every client once: " + ids + " pages " + pageSizes);
    assertEquals(created.keySet(), new HashSet<>(ids));
    assertEquals(2, pageSizes.get(0), "first page must be full: " + pageSizes);
    for (UserPoolClientDescription description : all) {
      assertEquals(created.get(description.clientId()), description.clientName());
      assertEquals(poolId, description.userPoolId());
    }
  }

  @Test
  void listUserPoolClientsWithoutMaxResultsReturnsAll() {
    String a = create(r -> r.clientName("a")).clientId();
    String b = create(r -> r.clientName("b")).clientId();
    ListUserPoolClientsResponse page = cognito.listUserPoolClients(r -> r.userPoolId(poolId));
    assertEquals(
        Set.of(a, b),
        page.userPoolClients().stream().map(UserPoolClientDescription::clientId).collect(Collectors.toSet()));
    assertNull(page.nextToken());
  }

  @Test
  void listClientsOfUnknownPoolIsResourceNotFound() {
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.listUserPoolClients(r -> r.userPoolId(MISSING_POOL).maxResults(10)));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Deletion

  @Test
  void deletedClientIsGone() {
    String keep = create(r -> r.clientName("keep")).clientId();
    String doomed = create(r -> r.clientName("doomed")).clientId();

    cognito.deleteUserPoolClient(r -> r.userPoolId(poolId).clientId(doomed));

    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool client " + doomed + " does not exist.",
        () -> cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(doomed)));
    assertEquals(keep, describe(keep).clientId());
    assertEquals(
        List.of(keep),
        cognito.listUserPoolClients(r -> r.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
            .map(UserPoolClientDescription::clientId)
            .toList());

    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool client " + doomed + " does not exist.",
        () -> cognito.deleteUserPoolClient(r -> r.userPoolId(poolId).clientId(doomed)));
  }

  @Test
  void deletingThePoolRemovesItsClients() {
    String clientId = create(r -> r.clientName("orphan")).clientId();

    cognito.deleteUserPool(r -> r.userPoolId(poolId));

    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + poolId + " does not exist.",
        () -> cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(clientId)));

    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + poolId + " does not exist.",
        () -> cognito.listUserPoolClients(r -> r.userPoolId(poolId).maxResults(10)));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers

  private UserPoolClientType create(Consumer<CreateUserPoolClientRequest.Builder> settings) {
    return cognito
        .createUserPoolClient(
            r -> {
              r.userPoolId(poolId);
              settings.accept(r);
            })
        .userPoolClient();
  }

  private UserPoolClientType describe(String clientId) {
    return cognito
        .describeUserPoolClient(r -> r.userPoolId(poolId).clientId(clientId))
        .userPoolClient();
  }

}
