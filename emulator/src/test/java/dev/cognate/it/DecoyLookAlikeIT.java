package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.testing.SrpClient;
import dev.cognate.support.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Under PreventUserExistenceErrors ENABLED an unknown user's sign-in must answer every step as a known user's with a
 * wrong password does: the same challenge, the same parameter names, the same error for the same malformed answer.
 * Each test runs one probe for a known user and for an unknown one and compares what a client can see.
 */
class DecoyLookAlikeIT {
  private static final String PASSWORD = "Passw0rd!";
  private static final String WRONG = "Wr0ng-password";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();

  private static final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  void anSrpAnswerMissingItsSignatureIsNamedForAnUnknownUserToo() {
    Pool pool = hidingPool(c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH));
    assertLookAlike(pool, name -> {
      SrpClient srp = new SrpClient(pool.poolId());
      InitiateAuthResponse challenge = srpInitiate(pool, name, srp.srpA(), null);
      Map<String, String> answer = new HashMap<>(srp.answer(challenge.challengeParameters(), WRONG));
      answer.remove("PASSWORD_CLAIM_SIGNATURE");
      return () -> srpRespond(pool, answer);
    });
  }

  @Test
  void anSrpAnswerWithoutTheSecretHashIsRefusedAlikeForAnUnknownUser() {
    Pool pool = hidingPool(c -> c.generateSecret(true).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH));
    assertLookAlike(pool, name -> {
      SrpClient srp = new SrpClient(pool.poolId());
      InitiateAuthResponse challenge =
          srpInitiate(pool, name, srp.srpA(), Users.secretHash(pool.clientSecret(), name, pool.clientId()));
      Map<String, String> answer = srp.answer(challenge.challengeParameters(), WRONG);
      return () -> srpRespond(pool, answer);
    });
  }

  @Test
  void anSrpAnswerWhoseSecretBlockIsNotItsSessionsIsRefusedAlikeForAnUnknownUser() {
    Pool pool = hidingPool(c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH));
    assertLookAlike(pool, name -> {
      SrpClient srp = new SrpClient(pool.poolId());
      InitiateAuthResponse challenge = srpInitiate(pool, name, srp.srpA(), null);
      String block = challenge.challengeParameters().get("SECRET_BLOCK");
      // The session the block carries, sent as Session, with another block in the answer.
      String session =
          java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Base64.getDecoder().decode(block));
      Map<String, String> answer = new HashMap<>(srp.answer(challenge.challengeParameters(), WRONG));
      answer.put("PASSWORD_CLAIM_SECRET_BLOCK", "AAAA");
      return () -> outcome(() -> cognito.respondToAuthChallenge(
          r -> r.clientId(pool.clientId())
              .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
              .session(session)
              .challengeResponses(answer)));
    });
  }

  /** In a pool whose names are not case-sensitive, an answer may name the user in another case. */
  @Test
  void anAnswerNamingTheUserInAnotherCaseIsJudgedAlikeForAnUnknownUser() {
    Pool pool =
        Pools.pool(
            cognito,
            b -> b.usernameConfiguration(u -> u.caseSensitive(false)),
            c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH)
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));
    assertLookAlike(pool, name -> {
      SrpClient srp = new SrpClient(pool.poolId());
      InitiateAuthResponse challenge = srpInitiate(pool, name, srp.srpA(), null);
      Map<String, String> answer = new HashMap<>(srp.answer(challenge.challengeParameters(), WRONG));
      answer.put("USERNAME", name.toUpperCase(java.util.Locale.ROOT));
      return () -> srpRespond(pool, answer);
    });
  }

  @Test
  void choosingPasswordAloneAsksForItForAnUnknownUserToo() {
    Pool pool = userAuthPool(AuthFactorType.PASSWORD);
    assertLookAlike(pool, name -> {
      InitiateAuthResponse choice = userAuth(pool, Map.of("USERNAME", name));
      return () -> outcome(() -> respond(pool, ChallengeNameType.SELECT_CHALLENGE, choice.session(),
          Map.of("USERNAME", name, "ANSWER", "PASSWORD")));
    });
  }

  @Test
  void thePasswordChallengeIsAnsweredAlikeForAnUnknownUser() {
    Pool pool = userAuthPool(AuthFactorType.PASSWORD);
    for (Map<String, String> given : List.of(Map.<String, String>of(), Map.of("PASSWORD", WRONG))) {
      assertLookAlike(pool, name -> {
        InitiateAuthResponse asked = userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "PASSWORD"));
        Map<String, String> answer = new HashMap<>(given);
        answer.put("USERNAME", name);
        return () -> outcome(() -> respond(pool, ChallengeNameType.PASSWORD, asked.session(), answer));
      });
    }
  }

  @Test
  void choosingSrpWithSrpAAnswersThePasswordVerifierForAnUnknownUserToo() {
    Pool pool = userAuthPool(AuthFactorType.PASSWORD);
    assertLookAlike(pool, name -> {
      InitiateAuthResponse choice = userAuth(pool, Map.of("USERNAME", name));
      String srpA = new SrpClient(pool.poolId()).srpA();
      return () -> outcome(() -> respond(pool, ChallengeNameType.SELECT_CHALLENGE, choice.session(),
          Map.of("USERNAME", name, "ANSWER", "PASSWORD_SRP", "SRP_A", srpA)));
    });
  }

  @Test
  void choosingSomethingNeverOfferedIsRefusedAlikeForAnUnknownUser() {
    Pool pool = userAuthPool(AuthFactorType.PASSWORD);
    assertLookAlike(pool, name -> {
      InitiateAuthResponse choice = userAuth(pool, Map.of("USERNAME", name));
      return () -> outcome(() -> respond(pool, ChallengeNameType.SELECT_CHALLENGE, choice.session(),
          Map.of("USERNAME", name, "ANSWER", "CUSTOM_CHALLENGE")));
    });
  }

  @Test
  void aPreferredPasswordWithoutThePasswordAsksForItForAnUnknownUserToo() {
    Pool pool = userAuthPool(AuthFactorType.PASSWORD);
    assertLookAlike(pool, name -> () -> outcome(() -> userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "PASSWORD"))));
  }

  @Test
  void aPreferredEmailCodeIsAskedForAnUnknownUserToo() {
    Pool pool = userAuthPool(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP);
    assertLookAlike(pool, name -> () -> outcome(() -> userAuth(pool, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "EMAIL_OTP"))));
  }

  /** A known user's salt is stored with their verifier; an unknown user's must not change from one try to the next. */
  @Test
  void theSaltOfAnUnknownUserIsTheSameAtEveryAttempt() {
    Pool pool = hidingPool(c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH));
    assertLookAlike(pool, name -> {
      String srpA = new SrpClient(pool.poolId()).srpA();
      return () -> "the salt stays: "
          + srpInitiate(pool, name, srpA, null).challengeParameters().get("SALT")
              .equals(srpInitiate(pool, name, srpA, null).challengeParameters().get("SALT"));
    });
  }

  /**
   * Where e-mail addresses are the sign-in names, a known user's USER_ID_FOR_SRP is their generated username, the same
   * at every attempt, and the answer names it; an unknown user's must look and behave alike.
   */
  @Test
  void inAnEmailUsernamePoolAnUnknownUsersIdForSrpLooksLikeAKnownUsers() {
    Pool byEmail = Pools.emailUsernamePool(cognito);
    Pool hiding =
        new Pool(
            byEmail.poolId(),
            Pools.client(
                    cognito,
                    byEmail.poolId(),
                    c -> c.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED))
                .clientId(),
            null);
    String known = "known-" + SEQUENCE.incrementAndGet() + "@example.com";
    Users.signUp(cognito, byEmail.clientId(), known, PASSWORD);
    cognito.adminConfirmSignUp(r -> r.userPoolId(byEmail.poolId()).username(known));
    String unknown = "ghost-" + SEQUENCE.incrementAndGet() + "@example.com";
    Function<String, String> probe =
        name -> {
          SrpClient srp = new SrpClient(byEmail.poolId());
          InitiateAuthResponse first = srpInitiate(hiding, name, srp.srpA(), null);
          String id = first.challengeParameters().get("USER_ID_FOR_SRP");
          String again = srpInitiate(hiding, name, srp.srpA(), null).challengeParameters().get("USER_ID_FOR_SRP");
          return id.replaceAll("[0-9a-f]", "x") + " stays " + id.equals(again) + ", answered: "
              + srpRespond(hiding, srp.answer(first.challengeParameters(), WRONG));
        };
    String ofKnown = probe.apply(known);
    String ofUnknown = probe.apply(unknown);
    System.out.println("known user: " + ofKnown + " | unknown user: " + ofUnknown);
    assertEquals(ofKnown, ofUnknown, "a client can tell a known user from an unknown one");
  }

  /**
   * Where e-mail addresses are the sign-in names, a choice of SRP answered with the username the challenge showed goes
   * on with that same username and salt, for a known user as for an unknown one.
   */
  @Test
  void aChainOfChallengesKeepsTheUsernameItShowedForAnUnknownUser() {
    Pool byEmail =
        Pools.pool(
            cognito,
            b -> b.usernameAttributes(software.amazon.awssdk.services.cognitoidentityprovider.model
                    .UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL),
            c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH)
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));
    String known = "known-" + SEQUENCE.incrementAndGet() + "@example.com";
    cognito.adminCreateUser(r -> r.userPoolId(byEmail.poolId()).username(known).messageAction("SUPPRESS"));
    cognito.adminSetUserPassword(
        r -> r.userPoolId(byEmail.poolId()).username(known).password(PASSWORD).permanent(true));
    String unknown = "ghost-" + SEQUENCE.incrementAndGet() + "@example.com";
    Function<String, String> probe =
        name -> {
          String srpA = new SrpClient(byEmail.poolId()).srpA();
          Map<String, String> direct = srpInitiate(byEmail, name, srpA, null).challengeParameters();
          InitiateAuthResponse asked =
              userAuth(byEmail, Map.of("USERNAME", name, "PREFERRED_CHALLENGE", "PASSWORD_SRP"));
          String shown = asked.challengeParameters().get("USERNAME");
          Map<String, String> chained =
              respond(byEmail, ChallengeNameType.PASSWORD_SRP, asked.session(),
                      Map.of("USERNAME", shown, "SRP_A", srpA))
                  .challengeParameters();
          return "same id " + shown.equals(chained.get("USER_ID_FOR_SRP"))
              + ", same salt " + direct.get("SALT").equals(chained.get("SALT"));
        };
    String ofKnown = probe.apply(known);
    String ofUnknown = probe.apply(unknown);
    System.out.println("known user: " + ofKnown + " | unknown user: " + ofUnknown);
    assertEquals(ofKnown, ofUnknown, "a client can tell a known user from an unknown one");
  }

  // ------------------------------------------------------------------------------------------------------ helpers

  /** Runs the probe {@code prepare} builds for a known user and an unknown one; the outcomes must not differ. */
  private static void assertLookAlike(Pool pool, Function<String, Supplier<String>> prepare) {
    String known = "known-" + SEQUENCE.incrementAndGet();
    cognito.adminCreateUser(
        r -> r.userPoolId(pool.poolId())
            .username(known)
            .userAttributes(Users.attr("email", known + "@example.com"), Users.attr("email_verified", "true"))
            .messageAction("SUPPRESS"));
    cognito.adminSetUserPassword(r -> r.userPoolId(pool.poolId()).username(known).password(PASSWORD).permanent(true));
    String unknown = "ghost-" + SEQUENCE.incrementAndGet();
    String ofKnown = prepare.apply(known).get().replace(known, "<name>");
    String ofUnknown = prepare.apply(unknown).get().replace(unknown, "<name>");
    System.out.println("known user: " + ofKnown + " | unknown user: " + ofUnknown);
    assertEquals(ofKnown, ofUnknown, "a client can tell a known user from an unknown one");
  }

  /** What a client sees of a call: the challenge and its parameter names, or the error's code and message. */
  private static String outcome(Supplier<Object> call) {
    try {
      Object response = call.get();
      if (response instanceof InitiateAuthResponse r) {
        return "challenge " + r.challengeName() + " " + new TreeSet<>(r.challengeParameters().keySet()) + " "
            + r.availableChallenges() + " session " + (r.session() != null);
      }
      RespondToAuthChallengeResponse r = (RespondToAuthChallengeResponse) response;
      return r.authenticationResult() != null
          ? "tokens"
          : "challenge " + r.challengeName() + " " + new TreeSet<>(r.challengeParameters().keySet()) + " session "
              + (r.session() != null);
    } catch (CognitoIdentityProviderException e) {
      return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }
  }

  private static Pool hidingPool(
      java.util.function.Consumer<software.amazon.awssdk.services.cognitoidentityprovider.model
              .CreateUserPoolClientRequest.Builder> client) {
    return Pools.pool(
        cognito,
        b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL),
        c -> {
          c.preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED);
          client.accept(c);
        });
  }

  private static Pool userAuthPool(AuthFactorType... factors) {
    return Pools.pool(
        cognito,
        b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
            .policies(p -> p.signInPolicy(s -> s.allowedFirstAuthFactors(factors))),
        c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH)
            .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED));
  }

  private static InitiateAuthResponse srpInitiate(Pool pool, String name, String srpA, String secretHash) {
    Map<String, String> parameters = new HashMap<>(Map.of("USERNAME", name, "SRP_A", srpA));
    if (secretHash != null) {
      parameters.put("SECRET_HASH", secretHash);
    }
    return cognito.initiateAuth(
        r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_SRP_AUTH).authParameters(parameters));
  }

  private static String srpRespond(Pool pool, Map<String, String> answer) {
    return outcome(() -> cognito.respondToAuthChallenge(
        r -> r.clientId(pool.clientId()).challengeName(ChallengeNameType.PASSWORD_VERIFIER).challengeResponses(answer)));
  }

  private static InitiateAuthResponse userAuth(Pool pool, Map<String, String> parameters) {
    return cognito.initiateAuth(
        r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_AUTH).authParameters(parameters));
  }

  private static RespondToAuthChallengeResponse respond(
      Pool pool, ChallengeNameType name, String session, Map<String, String> responses) {
    return cognito.respondToAuthChallenge(
        r -> r.clientId(pool.clientId()).challengeName(name).session(session).challengeResponses(new HashMap<>(responses)));
  }
}
