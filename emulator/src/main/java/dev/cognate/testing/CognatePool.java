package dev.cognate.testing;

import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * A user pool and app client created through the Cognito API, on Cognate or on AWS.
 *
 * @param userPoolId the pool's id
 * @param clientId the app client's id
 * @param clientSecret the client's secret, when it has one
 */
public record CognatePool(String userPoolId, String clientId, Optional<String> clientSecret) {

  /** Creates the pool and client {@code spec} describes. */
  public static CognatePool create(CognitoIdentityProviderClient cognito, PoolSpec spec) {
    CreateUserPoolRequest.Builder pool =
        CreateUserPoolRequest.builder()
            .poolName(spec.poolName())
            .usernameAttributesWithStrings(spec.usernameAttributes())
            .autoVerifiedAttributesWithStrings(spec.autoVerifiedAttributes())
            .usernameConfiguration(u -> u.caseSensitive(spec.caseSensitive()))
            .schema(
                spec.requiredAttributes().stream()
                    .map(
                        name -> SchemaAttributeType.builder()
                            .name(name)
                            .attributeDataType(AttributeDataType.STRING)
                            .required(true)
                            .mutable(true)
                            .build())
                    .toList())
            .policies(
                p -> p.passwordPolicy(
                    pp -> pp.minimumLength(spec.minimumLength())
                        .requireUppercase(spec.requireAllCharacterClasses())
                        .requireLowercase(spec.requireAllCharacterClasses())
                        .requireNumbers(spec.requireAllCharacterClasses())
                        .requireSymbols(spec.requireAllCharacterClasses())));
    String poolId = cognito.createUserPool(pool.build()).userPool().id();
    UserPoolClientType client =
        cognito
            .createUserPoolClient(
                b -> {
                  b.userPoolId(poolId)
                      .clientName(spec.clientName())
                      .generateSecret(spec.generateSecret())
                      .explicitAuthFlowsWithStrings(spec.explicitAuthFlows())
                      .preventUserExistenceErrors(spec.preventUserExistenceErrors());
                  if (spec.tokenValidity() > 0) {
                    b.accessTokenValidity(spec.tokenValidity()).idTokenValidity(spec.tokenValidity());
                  }
                })
            .userPoolClient();
    return new CognatePool(poolId, client.clientId(), Optional.ofNullable(client.clientSecret()));
  }

  /** Deletes the pool, and with it the client and every user. */
  public void delete(CognitoIdentityProviderClient cognito) {
    cognito.deleteUserPool(b -> b.userPoolId(userPoolId));
  }
}
