package dev.cognate.app;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The user pool and app client of the original stack (its serverless.ts), created through the API: pool
 * {@code Serverless-Chat} with a required, mutable e-mail, passwords of at least six characters and e-mail
 * auto-verified; client {@code user-pool-ui} without a secret, token validity 5 (hours, as Cognito reads a
 * value without units) and the flows {@code ADMIN_NO_SRP_AUTH} and {@code USER_PASSWORD_AUTH}.
 */
public final class OriginalStack {
  public static final String POOL_NAME = "Serverless-Chat";
  public static final String CLIENT_NAME = "user-pool-ui";

  private OriginalStack() {}

  public static CognitoSettings create(CognitoIdentityProviderClient cognito) {
    String poolId =
        cognito
            .createUserPool(
                b -> b.poolName(POOL_NAME)
                    .schema(
                        SchemaAttributeType.builder()
                            .name("email")
                            .attributeDataType(AttributeDataType.STRING)
                            .required(true)
                            .mutable(true)
                            .build())
                    .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(6)))
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
            .userPool()
            .id();
    String clientId =
        cognito
            .createUserPoolClient(
                b -> b.userPoolId(poolId)
                    .clientName(CLIENT_NAME)
                    .generateSecret(false)
                    .accessTokenValidity(5)
                    .idTokenValidity(5)
                    .explicitAuthFlows(ExplicitAuthFlowsType.ADMIN_NO_SRP_AUTH, ExplicitAuthFlowsType.USER_PASSWORD_AUTH))
            .userPoolClient()
            .clientId();
    return new CognitoSettings(poolId, clientId);
  }
}
