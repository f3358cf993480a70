package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;

/** What tokens do after sign-in: refresh, revocation, global sign-out, and how long they live. */
class TokensContractIT extends ContractCase {

  private static AuthenticationResultType signedIn(Target target, CognatePool pool) {
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    return Cases.login(target, pool, username).authenticationResult();
  }

  @Test
  void aRefreshGivesNewIdAndAccessTokensOfTheSameSignIn(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    AuthenticationResultType first = signedIn(target, pool);
    AuthenticationResultType refreshed = Cases.refresh(target, pool, first.refreshToken()).authenticationResult();

    assertNotNull(refreshed.idToken());
    assertNotNull(refreshed.accessToken());
    assertNull(refreshed.refreshToken(), "no new refresh token: the caller keeps the old one");
    assertEquals("Bearer", refreshed.tokenType());
    assertEquals(first.expiresIn(), refreshed.expiresIn());

    for (String[] pair : new String[][] {
        {first.idToken(), refreshed.idToken()}, {first.accessToken(), refreshed.accessToken()}}) {
      JsonNode before = Cases.payload(pair[0]);
      JsonNode after = Cases.payload(pair[1]);
      assertEquals(before.get("token_use"), after.get("token_use"));
      assertEquals(before.get("sub"), after.get("sub"));
      assertEquals(before.get("origin_jti"), after.get("origin_jti"), "origin_jti stays the sign-in's");
      assertEquals(before.get("auth_time"), after.get("auth_time"), "auth_time stays the sign-in's");
      assertNotEquals(before.get("jti"), after.get("jti"), "a new token has its own jti");
    }
  }

  @Test
  void aRevokedRefreshTokenNoLongerRefreshes(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String refreshToken = signedIn(target, pool).refreshToken();
    target.cognito().revokeToken(b -> b.clientId(pool.clientId()).token(refreshToken));
    assertCognitoError(
        "NotAuthorizedException", "Refresh Token has been revoked", () -> Cases.refresh(target, pool, refreshToken));
  }

  @Test
  void globalSignOutRevokesTheAccessToken(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);
    String accessToken = Cases.login(target, pool, username).authenticationResult().accessToken();
    assertEquals(username, target.cognito().getUser(b -> b.accessToken(accessToken)).username());

    target.cognito().globalSignOut(b -> b.accessToken(accessToken));
    assertCognitoError(
        "NotAuthorizedException",
        "Access Token has been revoked",
        () -> target.cognito().getUser(b -> b.accessToken(accessToken)));
  }

  /** AccessTokenValidity 30 with minutes as its unit; the ID token keeps Cognito's default hour. */
  @Test
  void accessTokenValidityInMinutes(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String clientId =
        target.cognito().createUserPoolClient(
                b -> b.userPoolId(pool.userPoolId())
                    .clientName("thirty-minutes")
                    .explicitAuthFlowsWithStrings("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")
                    .accessTokenValidity(30)
                    .tokenValidityUnits(u -> u.accessToken(TimeUnitsType.MINUTES)))
            .userPoolClient()
            .clientId();
    String username = Cases.username();
    Cases.signUpConfirmed(target, pool, username);

    CognatePool thirtyMinutes = new CognatePool(pool.userPoolId(), clientId, Optional.empty());
    AuthenticationResultType result = Cases.login(target, thirtyMinutes, username).authenticationResult();
    assertEquals(1800, result.expiresIn());
    assertEquals(1800, lifetime(result.accessToken()));
    assertEquals(3600, lifetime(result.idToken()));
  }

  /** The app's original client: validity 5 without units, which Cognito reads as hours. */
  @Test
  void theOriginalClientsValidityOfFiveIsHours(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    AuthenticationResultType result = signedIn(target, pool);
    assertEquals(18000, result.expiresIn());
    assertEquals(18000, lifetime(result.accessToken()));
    assertEquals(18000, lifetime(result.idToken()));
  }

  private static long lifetime(String token) {
    JsonNode claims = Cases.payload(token);
    return claims.get("exp").asLong() - claims.get("iat").asLong();
  }
}
