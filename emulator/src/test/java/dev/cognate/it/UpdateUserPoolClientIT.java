package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.CognateConfig;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Race;
import dev.cognate.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ScopeDoesNotExistException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** UpdateUserPoolClient via the SDK: replace-all semantics, Create's checks, unknown pool and client. */
class UpdateUserPoolClientIT {
  private static final String MISSING_POOL = "us-east-1_AAAAAAAAA";
  private static final String MISSING_CLIENT = "0123456789abcdefghijklmnop";

  private final MutableClock clock = MutableClock.startingNow();

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start(CognateConfig.forTests().clock(clock));
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  private String poolId;
  private UserPoolClientType created;

  @BeforeEach
  void createClient() {
    poolId = cognito.createUserPool(r -> r.poolName("clients")).userPool().id();
    created =
        cognito
            .createUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientName("web")
                        .generateSecret(true)
                        .explicitAuthFlows(
                            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                        .accessTokenValidity(10)
                        .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES))
                        .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED)
                        .enableTokenRevocation(false)
                        .authSessionValidity(10)
                        .callbackURLs("https://app.example.com/cb")
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthScopes("openid")
                        .allowedOAuthFlowsUserPoolClient(true)
                        .readAttributes("email"))
            .userPoolClient();
  }

  @Test
  void updateReplacesSettingsAndKeepsIdentity() {
    clock.advance(Duration.ofMinutes(5));

    UserPoolClientType updated =
        cognito
            .updateUserPoolClient(
                r ->
                    r.userPoolId(poolId)
                        .clientId(created.clientId())
                        .clientName("renamed")
                        .idTokenValidity(2)
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH))
            .userPoolClient();

    UserPoolClientType described = describe();
    assertEquals(updated, described, "the answer is what Describe shows");
    assertEquals("renamed", described.clientName());
    assertEquals(created.clientId(), described.clientId());
    assertEquals(created.clientSecret(), described.clientSecret(), "the secret stays");
    assertEquals(created.creationDate(), described.creationDate());
    assertEquals(created.lastModifiedDate().plus(Duration.ofMinutes(5)), described.lastModifiedDate());
    assertEquals(2, described.idTokenValidity());
    assertEquals(TimeUnitsType.HOURS, described.tokenValidityUnits().idToken());
    assertEquals(List.of(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH), described.explicitAuthFlows());
  }

  @Test
  void omittedSettingsReturnToDefaults() {
    cognito.updateUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId()));

    UserPoolClientType described = describe();
    assertEquals("web", described.clientName(), "a name left out stays");
    assertNotNull(described.clientSecret());
    assertEquals(
        List.of(
            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH,
            ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
            ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH),
        described.explicitAuthFlows());
    assertEquals(60, described.accessTokenValidity());
    assertEquals(TimeUnitsType.MINUTES, described.tokenValidityUnits().accessToken());
    assertEquals(60, described.idTokenValidity());
    assertEquals(30, described.refreshTokenValidity());
    assertEquals(TimeUnitsType.DAYS, described.tokenValidityUnits().refreshToken());
    assertEquals(PreventUserExistenceErrorTypes.LEGACY, described.preventUserExistenceErrors());
    assertTrue(described.enableTokenRevocation());
    assertEquals(3, described.authSessionValidity());
    assertFalse(described.allowedOAuthFlowsUserPoolClient());
    assertEquals(List.of(), described.callbackURLs());
    assertEquals(List.of(), described.allowedOAuthFlows());
    assertEquals(List.of(), described.allowedOAuthScopes());
    assertEquals(List.of(), described.readAttributes());
  }

  @Test
  void updatedFlowsAreEnforced() {
    cognito.updateUserPoolClient(
        r -> r.userPoolId(poolId).clientId(created.clientId()).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH));

    assertInvalidParameter(
        "USER_PASSWORD_AUTH flow not enabled for this client",
        () ->
            cognito.initiateAuth(
                r ->
                    r.clientId(created.clientId())
                        .authFlow("USER_PASSWORD_AUTH")
                        .authParameters(Map.of("USERNAME", "nobody", "PASSWORD", "x", "SECRET_HASH", "x"))));
  }

  @Test
  void racingUpdatesLeaveOneWritersWholeSettings() throws Exception {
    List<Race.Outcome> outcomes =
        Race.run(
            8,
            40,
            i ->
                cognito
                    .updateUserPoolClient(
                        r ->
                            r.userPoolId(poolId)
                                .clientId(created.clientId())
                                .clientName("n" + i)
                                .accessTokenValidity(60 + i)
                                .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES))
                                .callbackURLs("https://app.example.com/" + i))
                    .userPoolClient()
                    .clientName());

    assertTrue(outcomes.stream().allMatch(Race.Outcome::ok), outcomes.toString());
    UserPoolClientType described = describe();
    int winner = Integer.parseInt(described.clientName().substring(1));
    assertEquals(60 + winner, described.accessTokenValidity());
    assertEquals(List.of("https://app.example.com/" + winner), described.callbackURLs());
    assertEquals(created.clientSecret(), described.clientSecret());
    System.out.println(
        "UpdateUserPoolClientIT: 40 racing updates on 8 threads all succeeded; the row holds writer "
            + winner
            + "'s settings whole");
  }

  @Test
  void updateRacingPoolDeletionIsOkOrNotFound() throws Exception {
    List<Race.Outcome> outcomes =
        Race.run(
            4,
            21,
            i -> {
              if (i == 10) {
                cognito.deleteUserPool(r -> r.userPoolId(poolId));
                return "deleted";
              }
              return cognito
                  .updateUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId()).clientName("n" + i))
                  .userPoolClient()
                  .clientName();
            });

    assertTrue(
        outcomes.stream().allMatch(o -> o.ok() || o.is("ResourceNotFoundException")), outcomes.toString());
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + poolId + " does not exist.",
        () -> cognito.updateUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId())));
    System.out.println(
        "UpdateUserPoolClientIT: 20 updates racing DeleteUserPool: "
            + outcomes.stream().filter(Race.Outcome::ok).count()
            + " ok (deletion included), the rest ResourceNotFoundException, none a 500");
  }

  @Test
  void unknownPoolAndClient() {
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.updateUserPoolClient(r -> r.userPoolId(MISSING_POOL).clientId(created.clientId())));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool client " + MISSING_CLIENT + " does not exist.",
        () -> cognito.updateUserPoolClient(r -> r.userPoolId(poolId).clientId(MISSING_CLIENT)));
    String otherPool = cognito.createUserPool(r -> r.poolName("other")).userPool().id();
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool client " + created.clientId() + " does not exist.",
        () -> cognito.updateUserPoolClient(r -> r.userPoolId(otherPool).clientId(created.clientId())));
  }

  @Test
  void createsChecksApply() {
    assertInvalidParameter(
        "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: "
            + "Member must not be null",
        () -> cognito.updateUserPoolClient(r -> r.userPoolId(poolId)));
    assertInvalidParameter(
        "1 validation error detected: Value '16' at 'authSessionValidity' failed to satisfy constraint: "
            + "Member must have value less than or equal to 15",
        () -> update(r -> r.authSessionValidity(16)));
    assertInvalidParameter(
        "Invalid range for token validity.",
        () -> update(r -> r.accessTokenValidity(4).tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES))));
    assertInvalidParameter(
        "Legacy and ALLOW_ prefixed ExplicitAuthFlows values cannot be combined.",
        () ->
            update(
                r ->
                    r.explicitAuthFlows(
                        ExplicitAuthFlowsType.USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)));
    assertInvalidParameter(
        "The provider Corp does not exist for User Pool " + poolId + ".",
        () -> update(r -> r.supportedIdentityProviders("COGNITO", "Corp")));
    assertCognitoError(
        ScopeDoesNotExistException.class,
        "Invalid scope requested: api/read",
        () -> update(r -> r.allowedOAuthScopes("api/read")));

    UserPoolClientType unchanged = describe();
    assertEquals(created, unchanged, "a refused update changes nothing");
  }

  private void update(
Consumer<UpdateUserPoolClientRequest.Builder> settings) {
    cognito.updateUserPoolClient(r -> settings.accept(r.userPoolId(poolId).clientId(created.clientId())));
  }

  private UserPoolClientType describe() {
    return cognito
        .describeUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId()))
        .userPoolClient();
  }
}
