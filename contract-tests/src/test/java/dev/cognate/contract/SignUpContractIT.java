package dev.cognate.contract;

import static dev.cognate.contract.Cases.assertCognitoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.testing.CognatePool;
import dev.cognate.testing.PoolSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** Sign-up in the app's original pool. */
class SignUpContractIT extends ContractCase {

  @Test
  void signUpCreatesAnUnconfirmedUserWithAUuidSubAndAMaskedDelivery(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    SignUpResponse response =
        target.cognito().signUp(
            b -> b.clientId(pool.clientId())
                .username(username)
                .password(Cases.PASSWORD)
                .userAttributes(a -> a.name("email").value("alice@example.com")));
    assertFalse(response.userConfirmed());
    assertTrue(response.userSub().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    CodeDeliveryDetailsType delivery = response.codeDeliveryDetails();
    assertEquals("a***@e***", delivery.destination());
    assertEquals("EMAIL", delivery.deliveryMediumAsString());
    assertEquals("email", delivery.attributeName());
    assertEquals(
        UserStatusType.UNCONFIRMED,
        target.cognito().adminGetUser(b -> b.userPoolId(pool.userPoolId()).username(username)).userStatus());
  }

  @Test
  void aTakenUsernameIsRefused(Target target) {
    CognatePool pool = target.pool(PoolSpec.original());
    String username = Cases.username();
    Cases.signUp(target, pool, username, Cases.PASSWORD);
    assertCognitoError(
        "UsernameExistsException", "User already exists", () -> Cases.signUp(target, pool, username, Cases.PASSWORD));
  }
}
