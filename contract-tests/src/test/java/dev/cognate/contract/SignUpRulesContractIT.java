package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import org.junit.jupiter.api.Test;

/**
 * What sign-up refuses: each rule of Cognito's full password policy (one rule broken per password), a missing
 * required e-mail, and a client that does not exist. A refused sign-up creates no user.
 */
class SignUpRulesContractIT extends ContractCase {
  private static final String POLICY = "Password did not conform with policy: ";

  @Test
  void aPasswordShorterThanTheMinimumIsRefused(Target target) {
    assertPasswordRefused(target, "Pas0rd!", "Password not long enough");
  }

  @Test
  void aPasswordWithoutUppercaseIsRefused(Target target) {
    assertPasswordRefused(target, "passw0rd!", "Password must have uppercase characters");
  }

  @Test
  void aPasswordWithoutLowercaseIsRefused(Target target) {
    assertPasswordRefused(target, "PASSW0RD!", "Password must have lowercase characters");
  }

  @Test
  void aPasswordWithoutANumberIsRefused(Target target) {
    assertPasswordRefused(target, "Password!", "Password must have numeric characters");
  }

  @Test
  void aPasswordWithoutASymbolIsRefused(Target target) {
    assertPasswordRefused(target, "Passw0rdx", "Password must have symbol characters");
  }

  @Test
  void aMissingRequiredEmailIsRefused(Target target) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    assertCognitoError(
        "InvalidParameterException",
        "Attributes did not conform to the schema: email: The attribute is required",
        () -> target.cognito().signUp(b -> b.clientId(pool.clientId()).username(username).password(Cases.PASSWORD)));
    assertNoSuchUser(target, pool, username);
  }

  @Test
  void anUnknownClientIsNotFound(Target target) {
    target.pool(PoolSpec.defaults()); // the account has pools; just not this client
    String clientId = Cases.randomClientId();
    assertCognitoError(
        "ResourceNotFoundException",
        "User pool client " + clientId + " does not exist.",
        () -> target.cognito().signUp(
            b -> b.clientId(clientId)
                .username(Cases.username())
                .password(Cases.PASSWORD)
                .userAttributes(a -> a.name("email").value("someone@example.com"))));
  }

  /** On the full policy (8 characters, upper, lower, number, symbol). */
  private static void assertPasswordRefused(Target target, String password, String rule) {
    CognatePool pool = target.pool(PoolSpec.defaults());
    String username = Cases.username();
    assertCognitoError(
        "InvalidPasswordException", POLICY + rule, () -> Cases.signUp(target, pool, username, password));
    assertNoSuchUser(target, pool, username);
  }

  private static void assertNoSuchUser(Target target, CognatePool pool, String username) {
    assertCognitoError(
        "UserNotFoundException",
        "User does not exist.",
        () -> target.cognito().adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(username)));
  }
}
