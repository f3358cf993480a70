package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.Users.APP_PASSWORD;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SentCode;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.support.Race.Outcome;
import dev.cognate.support.Users;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** Probes of the attribute operations as an attacker or a busy CI would send them. */
class AttributeAttacksIT {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.start();
  private static final Cognate COGNATE = EMULATOR.cognate();
  private static final CognitoIdentityProviderClient COGNITO = EMULATOR.cognito();

  private static Pool emailPool(Consumer<CreateUserPoolRequest.Builder> more) {
    return Pools.pool(
        COGNITO,
        b -> {
          b.usernameAttributes(UsernameAttributeType.EMAIL)
              .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
              .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(6).requireUppercase(false)
                  .requireLowercase(false).requireNumbers(false).requireSymbols(false)));
          more.accept(b);
        },
        c -> c.explicitAuthFlows(
            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
  }

  private static Pool waitingPool() {
    return emailPool(b -> b.userAttributeUpdateSettings(
        s -> s.attributesRequireVerificationBeforeUpdate(VerifiedAttributeType.EMAIL)));
  }

  private static String confirmedUser(Pool pool) {
    String email = "user" + SEQUENCE.incrementAndGet() + "@example.com";
    signUp(COGNITO, pool.clientId(), email, APP_PASSWORD);
    COGNITO.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username(email));
    COGNITO.adminUpdateUserAttributes(
        r -> r.userPoolId(pool.poolId()).username(email).userAttributes(attr("email_verified", "true")));
    return email;
  }

  private static String lastVerificationCode(Pool pool, String username) {
    List<SentCode> sent = COGNATE.outbox().codes(pool.poolId(), username).stream()
        .filter(c -> c.purpose() == CodePurpose.VERIFY_ATTRIBUTE)
        .toList();
    assertFalse(sent.isEmpty());
    return sent.get(sent.size() - 1).code();
  }

  private static Map<String, String> adminAttributes(Pool pool, String username) {
    return attributes(COGNITO.adminGetUser(r -> r.userPoolId(pool.poolId()).username(username)).userAttributes());
  }

  @Test
  void aWaitingAddressNeitherSignsInNorMatchesAFilterNorBlocksAnotherUser() {
    Pool pool = waitingPool();
    String ann = confirmedUser(pool);
    String token = signIn(COGNITO, pool.clientId(), ann, APP_PASSWORD).accessToken();
    COGNITO.updateUserAttributes(r -> r.accessToken(token).userAttributes(attr("email", "waiting@example.com")));
    String code = lastVerificationCode(pool, ann);

    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> signIn(COGNITO, pool.clientId(), "waiting@example.com", APP_PASSWORD));
    assertTrue(
        COGNITO.listUsers(r -> r.userPoolId(pool.poolId()).filter("email = \"waiting@example.com\"")).users().isEmpty(),
        "a filter on the waiting address finds nobody");
    signIn(COGNITO, pool.clientId(), ann, APP_PASSWORD);

    // Another user takes the address while it waits; the first one's code then cannot move onto it.
    signUp(COGNITO, pool.clientId(), "waiting@example.com", APP_PASSWORD);
    COGNITO.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username("waiting@example.com"));
    assertCognitoError(
        AliasExistsException.class,
        "An account with the given email already exists.",
        () -> COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(code)));
    Map<String, String> after = adminAttributes(pool, ann);
    assertEquals(ann, after.get("email"), "the loser's address is unchanged");
    assertEquals("true", after.get("email_verified"));
    signIn(COGNITO, pool.clientId(), ann, APP_PASSWORD);
  }

  @Test
  void aCodeForAnEarlierNewValueDoesNotVerifyALaterOne() {
    Pool pool = emailPool(b -> {});
    String bea = confirmedUser(pool);
    String token = signIn(COGNITO, pool.clientId(), bea, APP_PASSWORD).accessToken();
    COGNITO.updateUserAttributes(r -> r.accessToken(token).userAttributes(attr("email", "first-" + bea)));
    String first = lastVerificationCode(pool, "first-" + bea);
    COGNITO.updateUserAttributes(r -> r.accessToken(token).userAttributes(attr("email", "second-" + bea)));
    String second = lastVerificationCode(pool, "second-" + bea);
    if (!first.equals(second)) {
      assertCognitoError(
          CodeMismatchException.class,
          "Invalid verification code provided, please try again.",
          () -> COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(first)));
    }
    assertEquals("false", adminAttributes(pool, "second-" + bea).get("email_verified"));
    COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(second));
    assertEquals("true", adminAttributes(pool, "second-" + bea).get("email_verified"));
  }

  @Test
  void aWaitingValueReplacedByAnotherIsNotVerifiedByItsCode() {
    Pool pool = waitingPool();
    String cid = confirmedUser(pool);
    String token = signIn(COGNITO, pool.clientId(), cid, APP_PASSWORD).accessToken();
    COGNITO.updateUserAttributes(r -> r.accessToken(token).userAttributes(attr("email", "one@example.com")));
    String first = lastVerificationCode(pool, cid);
    COGNITO.updateUserAttributes(r -> r.accessToken(token).userAttributes(attr("email", "two@example.com")));
    String second = lastVerificationCode(pool, cid);
    if (!first.equals(second)) {
      assertCognitoError(
          CodeMismatchException.class,
          "Invalid verification code provided, please try again.",
          () -> COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(first)));
    }
    assertEquals(cid, adminAttributes(pool, cid).get("email"));
    COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(second));
    assertEquals("two@example.com", adminAttributes(pool, "two@example.com").get("email"));
  }

  @Test
  void aCaseVariantOfAnotherUsersAddressIsTakenAndTheLoserIsUnchanged() {
    Pool pool = emailPool(b -> b.usernameConfiguration(u -> u.caseSensitive(false))
        .schema(s -> s.name("team").attributeDataType("String")));
    String dan = confirmedUser(pool);
    String eve = confirmedUser(pool);
    assertCognitoError(
        AliasExistsException.class,
        "An account with the given email already exists.",
        () -> COGNITO.adminUpdateUserAttributes(r -> r.userPoolId(pool.poolId()).username(eve)
            .userAttributes(attr("custom:team", "red"), attr("email", dan.toUpperCase()))));
    Map<String, String> after = adminAttributes(pool, eve);
    assertEquals(eve, after.get("email"));
    assertNull(after.get("custom:team"), "nothing of the refused request was written");
    assertEquals("true", after.get("email_verified"));
  }

  @Test
  void hostileBodiesAnswerTheEnvelopeNever500() throws Exception {
    Pool pool = Pools.pool(
        COGNITO,
        b -> b.policies(p -> p.passwordPolicy(pp -> pp.minimumLength(6).requireUppercase(false)
            .requireLowercase(false).requireNumbers(false).requireSymbols(false))),
        c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH));
    String fay = "fay" + SEQUENCE.incrementAndGet();
    signUp(COGNITO, pool.clientId(), fay, APP_PASSWORD, attr("email", fay + "@example.com"));
    COGNITO.adminConfirmSignUp(r -> r.userPoolId(pool.poolId()).username(fay));
    String token = signIn(COGNITO, pool.clientId(), fay, APP_PASSWORD).accessToken();
    String p = pool.poolId();
    String u = fay;
    List<String[]> cases = List.of(
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":null}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[]}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[null]}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[{}]}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[{\"Name\":null,\"Value\":\"x\"}]}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":null}]}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":{}}]}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[{\"Name\":7,\"Value\":7}]}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":{}}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[{\"Name\":\"email_verified\",\"Value\":\"banana\"}]}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[{\"Name\":\"phone_number_verified\",\"Value\":\"true\"}]}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[{\"Name\":\"sub\",\"Value\":\"x\"}]}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[{\"Name\":\"updated_at\",\"Value\":\"abc\"}]}"},
        new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributes\":[{\"Name\":\"Email\",\"Value\":\"a@b.c\"}]}"},
        new String[] {"UpdateUserAttributes", "{\"AccessToken\":\"" + token + "\",\"UserAttributes\":[null]}"},
        new String[] {"UpdateUserAttributes", "{\"AccessToken\":\"" + token + "\",\"UserAttributes\":[]}"},
        new String[] {"UpdateUserAttributes", "{\"AccessToken\":\"" + token + "\",\"UserAttributes\":[{\"Name\":\"email_verified\",\"Value\":\"true\"}]}"},
        new String[] {"UpdateUserAttributes", "{\"AccessToken\":\"" + token + "\",\"UserAttributes\":[{\"Name\":\"dev:custom:x\",\"Value\":\"true\"}]}"},
        new String[] {"UpdateUserAttributes", "{\"AccessToken\":null,\"UserAttributes\":[]}"},
        new String[] {"UpdateUserAttributes", "{\"AccessToken\":\"abc\",\"UserAttributes\":[]}"},
        new String[] {"GetUserAttributeVerificationCode", "{\"AccessToken\":\"" + token + "\",\"AttributeName\":null}"},
        new String[] {"GetUserAttributeVerificationCode", "{\"AccessToken\":\"" + token + "\",\"AttributeName\":\"EMAIL\"}"},
        new String[] {"GetUserAttributeVerificationCode", "{\"AccessToken\":\"" + token + "\",\"AttributeName\":\"phone_number\"}"},
        new String[] {"GetUserAttributeVerificationCode", "{\"AccessToken\":\"" + token + "\",\"AttributeName\":[]}"},
        new String[] {"VerifyUserAttribute", "{\"AccessToken\":\"" + token + "\",\"AttributeName\":\"email\",\"Code\":null}"},
        new String[] {"VerifyUserAttribute", "{\"AccessToken\":\"" + token + "\",\"AttributeName\":\"email\",\"Code\":\"\"}"},
        new String[] {"VerifyUserAttribute", "{\"AccessToken\":\"" + token + "\",\"AttributeName\":\"phone_number\",\"Code\":\"123456\"}"},
        new String[] {"VerifyUserAttribute", "{\"AccessToken\":\"" + token + "\",\"AttributeName\":\"email\",\"Code\":123456}"},
        new String[] {"AdminDeleteUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributeNames\":null}"},
        new String[] {"AdminDeleteUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributeNames\":[]}"},
        new String[] {"AdminDeleteUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributeNames\":[null]}"},
        new String[] {"AdminDeleteUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributeNames\":[\"\"]}"},
        new String[] {"AdminDeleteUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributeNames\":[\"sub\"]}"},
        new String[] {"AdminDeleteUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributeNames\":[{}]}"},
        new String[] {"AdminDeleteUserAttributes", "{\"UserPoolId\":\"" + p + "\",\"Username\":\"" + u + "\",\"UserAttributeNames\":[\"email_verified\"]}"},
        new String[] {"DeleteUserAttributes", "{\"AccessToken\":\"" + token + "\",\"UserAttributeNames\":[null]}"},
        new String[] {"DeleteUserAttributes", "{\"AccessToken\":\"" + token + "\",\"UserAttributeNames\":[\"email_verified\"]}"},
        new String[] {"DeleteUserAttributes", "{\"AccessToken\":\"" + token + "\",\"UserAttributeNames\":[\"dev:custom:x\"]}"},
        new String[] {"GetUser", "{\"AccessToken\":null}"},
        new String[] {"GetUser", "{\"AccessToken\":[]}"});
    List<String> bad = new ArrayList<>();
    for (String[] c : cases) {
      HttpResponse<String> response =
          Http.operation(COGNATE.endpoint(), c[0], c[1].getBytes(StandardCharsets.UTF_8));
      String shown = c[0] + " " + c[1].replace(token, "<token>") + " -> " + response.statusCode() + " " + response.body();
      System.out.println("probe: " + shown);
      JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
      if (response.statusCode() >= 500
          || (response.statusCode() != 200 && (body == null || !body.has("__type")))) {
        bad.add(shown);
      }
    }
    // Still the same user afterwards.
    Map<String, String> after = adminAttributes(pool, fay);
    System.out.println("probe: afterwards " + after);
    assertTrue(bad.isEmpty(), String.join("\n", bad));
  }

  @Test
  void updatesRacingDeletesOfUserAndPoolAnswerNamedErrors() throws Exception {
    for (int round = 0; round < 3; round++) {
      Pool pool = emailPool(b -> {});
      List<String> users = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        users.add(confirmedUser(pool));
      }
      List<Outcome> outcomes =
          Race.run(
              8,
              40,
              i -> {
                String user = users.get(i % users.size());
                switch (i % 10) {
                  case 0 -> COGNITO.adminDeleteUser(r -> r.userPoolId(pool.poolId()).username(user));
                  case 9 -> COGNITO.deleteUserPool(r -> r.userPoolId(pool.poolId()));
                  case 3, 6 -> COGNITO.adminDeleteUserAttributes(
                      r -> r.userPoolId(pool.poolId()).username(user).userAttributeNames("name"));
                  default -> COGNITO.adminUpdateUserAttributes(
                      r -> r.userPoolId(pool.poolId()).username(user)
                          .userAttributes(attr("name", "n" + i), attr("email", "r" + i + "-" + user)));
                }
                return "ok";
              });
      List<Outcome> serverErrors = outcomes.stream().filter(Outcome::serverError).toList();
      System.out.println("probe race round " + round + ": " + outcomes.stream().map(o -> o.ok() ? "OK" : o.errorCode()).distinct().toList());
      assertTrue(serverErrors.isEmpty(), serverErrors::toString);
    }
  }

  @Test
  void anUpdateLosingARaceWithDeleteUserPoolAnswersResourceNotFound() throws Exception {
    List<Outcome> lost = new ArrayList<>();
    int updates = 0;
    for (int round = 0; round < 12; round++) {
      Pool pool = emailPool(b -> {});
      List<String> users = List.of(confirmedUser(pool), confirmedUser(pool), confirmedUser(pool));
      List<Outcome> outcomes =
          Race.run(
              8,
              24,
              i -> {
                if (i == 12) {
                  COGNITO.deleteUserPool(r -> r.userPoolId(pool.poolId()));
                  return "deleted";
                }
                String user = users.get(i % users.size());
                COGNITO.adminUpdateUserAttributes(r -> r.userPoolId(pool.poolId()).username(user)
                    .userAttributes(attr("name", "n" + i)));
                return "updated";
              });
      updates += 23;
      outcomes.stream().filter(o -> !o.ok() && !o.is("ResourceNotFoundException")).forEach(lost::add);
    }
    // As if each update came after the deletion: the pool is gone, not the user.
    System.out.println("updates racing DeleteUserPool: " + updates + " updates, answers other than ResourceNotFound: "
        + lost);
    assertTrue(lost.isEmpty(), lost::toString);
  }

  @Test
  void anAddressGivenInANewPasswordAnswerMovesTheSignInNameAndStaysUnique() {
    Pool pool = emailPool(b -> {});
    String taken = confirmedUser(pool);
    String invited = "invited" + SEQUENCE.incrementAndGet() + "@example.com";
    COGNITO.adminCreateUser(r -> r.userPoolId(pool.poolId()).username(invited)
        .temporaryPassword("Temp-Passw0rd1").messageAction("SUPPRESS"));
    String session = COGNITO.initiateAuth(r -> r.clientId(pool.clientId()).authFlow("USER_PASSWORD_AUTH")
        .authParameters(Map.of("USERNAME", invited, "PASSWORD", "Temp-Passw0rd1"))).session();

    assertCognitoError(
        AliasExistsException.class,
        "An account with the given email already exists.",
        () -> COGNITO.respondToAuthChallenge(r -> r.clientId(pool.clientId()).challengeName("NEW_PASSWORD_REQUIRED")
            .session(session)
            .challengeResponses(Map.of("USERNAME", invited, "NEW_PASSWORD", APP_PASSWORD, "userAttributes.email", taken))));
    assertEquals(taken, adminAttributes(pool, taken).get("email"));

    String moved = "moved-" + invited;
    COGNITO.respondToAuthChallenge(r -> r.clientId(pool.clientId()).challengeName("NEW_PASSWORD_REQUIRED")
        .session(session)
        .challengeResponses(Map.of("USERNAME", invited, "NEW_PASSWORD", APP_PASSWORD, "userAttributes.email", moved)));
    signIn(COGNITO, pool.clientId(), moved, APP_PASSWORD);
    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> COGNITO.adminGetUser(r -> r.userPoolId(pool.poolId()).username(invited)));
  }

  @Test
  void anAddressChangedInANewPasswordAnswerIsNoLongerVerified() {
    Pool pool = emailPool(b -> {});
    String invited = "vouched" + SEQUENCE.incrementAndGet() + "@example.com";
    COGNITO.adminCreateUser(r -> r.userPoolId(pool.poolId()).username(invited)
        .userAttributes(attr("email_verified", "true"))
        .temporaryPassword("Temp-Passw0rd1").messageAction("SUPPRESS"));
    assertEquals("true", adminAttributes(pool, invited).get("email_verified"));
    String session = COGNITO.initiateAuth(r -> r.clientId(pool.clientId()).authFlow("USER_PASSWORD_AUTH")
        .authParameters(Map.of("USERNAME", invited, "PASSWORD", "Temp-Passw0rd1"))).session();
    String moved = "moved-" + invited;
    COGNITO.respondToAuthChallenge(r -> r.clientId(pool.clientId()).challengeName("NEW_PASSWORD_REQUIRED")
        .session(session)
        .challengeResponses(Map.of("USERNAME", invited, "NEW_PASSWORD", APP_PASSWORD, "userAttributes.email", moved)));
    Map<String, String> after = adminAttributes(pool, moved);
    assertEquals(moved, after.get("email"));
    assertEquals("false", after.get("email_verified"), "an address nobody verified is not verified");
  }

  @Test
  void anInvitationWithAnotherUsersVerifiedAliasAnswersAliasExists() {
    Pool aliases = Pools.pool(
        COGNITO,
        b -> b.aliasAttributes(AliasAttributeType.EMAIL).autoVerifiedAttributes(VerifiedAttributeType.EMAIL),
        c -> {});
    String holder = "holder" + SEQUENCE.incrementAndGet();
    COGNITO.adminCreateUser(r -> r.userPoolId(aliases.poolId()).username(holder).messageAction("SUPPRESS")
        .userAttributes(attr("email", "alias@example.com"), attr("email_verified", "true")));
    // ForceAliasCreation left false: the model says the alias already held answers AliasExistsException.
    assertCognitoError(
        AliasExistsException.class,
        "An account with the given email already exists.",
        () -> COGNITO.adminCreateUser(r -> r.userPoolId(aliases.poolId()).username("second-" + holder)
            .messageAction("SUPPRESS")
            .userAttributes(attr("email", "alias@example.com"), attr("email_verified", "true"))));
  }

  @Test
  void confirmingASignUpWithAnotherUsersVerifiedAliasAnswersAliasExists() {
    Pool aliases = Pools.pool(
        COGNITO,
        b -> b.aliasAttributes(AliasAttributeType.EMAIL).autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
            .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(6).requireUppercase(false)
                .requireLowercase(false).requireNumbers(false).requireSymbols(false))),
        c -> {});
    String first = "first" + SEQUENCE.incrementAndGet();
    Users.signUpConfirmed(COGNITO, COGNATE, aliases, first, APP_PASSWORD, attr("email", "both@example.com"));
    String second = "second" + SEQUENCE.incrementAndGet();
    signUp(COGNITO, aliases.clientId(), second, APP_PASSWORD, attr("email", "both@example.com"));
    assertCognitoError(
        AliasExistsException.class,
        "An account with the given email already exists.",
        () -> Users.confirmWithLastCode(COGNITO, COGNATE, aliases, second));
    assertEquals(
        "UNCONFIRMED",
        COGNITO.adminGetUser(r -> r.userPoolId(aliases.poolId()).username(second)).userStatusAsString());
  }

  @Test
  void tokensCarryWhatTheClientReads() throws Exception {
    Pool pool = emailPool(b -> b.schema(s -> s.name("team").attributeDataType("String")));
    String gus = confirmedUser(pool);
    COGNITO.adminUpdateUserAttributes(r -> r.userPoolId(pool.poolId()).username(gus)
        .userAttributes(attr("custom:team", "red"), attr("name", "Gus")));
    COGNITO.createGroup(r -> r.userPoolId(pool.poolId()).groupName("admins"));
    COGNITO.adminAddUserToGroup(r -> r.userPoolId(pool.poolId()).username(gus).groupName("admins"));
    String reader = COGNITO.createUserPoolClient(r -> r.userPoolId(pool.poolId()).clientName("reader")
        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
        .readAttributes("email", "email_verified")).userPoolClient().clientId();
    var tokens = signIn(COGNITO, reader, gus, APP_PASSWORD);
    Map<String, Object> id = SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getClaims();
    Map<String, Object> access = SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getClaims();
    System.out.println("probe id claims " + id.keySet() + " access claims " + access.keySet());
    assertNull(id.get("custom:team"));
    assertNull(id.get("name"));
    assertEquals(gus, id.get("email"));
    assertEquals(List.of("admins"), id.get("cognito:groups"));
    assertEquals(List.of("admins"), access.get("cognito:groups"));
    assertNull(access.get("email"));
    Map<String, String> own = attributes(COGNITO.getUser(r -> r.accessToken(tokens.accessToken())).userAttributes());
    System.out.println("probe GetUser through reader " + own.keySet());
    assertNull(own.get("custom:team"));
    var refreshed = COGNITO.initiateAuth(r -> r.clientId(reader).authFlow("REFRESH_TOKEN_AUTH")
        .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))).authenticationResult();
    Map<String, Object> idAgain = SignedJWT.parse(refreshed.idToken()).getJWTClaimsSet().getClaims();
    assertNull(idAgain.get("custom:team"));
    assertEquals(List.of("admins"), idAgain.get("cognito:groups"));
  }
}
