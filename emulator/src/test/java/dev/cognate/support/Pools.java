package dev.cognate.support;

import java.util.function.Consumer;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** Creates the user pools and app clients the integration tests share. */
public final class Pools {
  private Pools() {}

  /** Like the app's original pool: e-mail required and auto-verified, MinimumLength 6, no other rules. */
  public static Pool appPool(CognitoIdentityProviderClient cognito) {
    return appPool(cognito, c -> {});
  }

  /** {@link #appPool} with an app client shaped by {@code clientSettings}. */
  public static Pool appPool(
      CognitoIdentityProviderClient cognito, Consumer<CreateUserPoolClientRequest.Builder> clientSettings) {
    return pool(
        cognito,
        b -> b.policies(
                p -> p.passwordPolicy(
                    pp -> pp.minimumLength(6)
                        .requireUppercase(false)
                        .requireLowercase(false)
                        .requireNumbers(false)
                        .requireSymbols(false)))
            .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
            .schema(
                SchemaAttributeType.builder()
                    .name("email")
                    .attributeDataType(AttributeDataType.STRING)
                    .required(true)
                    .mutable(true)
                    .build()),
        clientSettings);
  }

  /** A pool created with nothing but a name: default password policy, no auto-verification. */
  public static Pool defaultPool(CognitoIdentityProviderClient cognito) {
    return pool(cognito, b -> {}, c -> {});
  }

  /** E-mail as username (UsernameAttributes [email]), auto-verified e-mail, default password policy. */
  public static Pool emailUsernamePool(CognitoIdentityProviderClient cognito) {
    return pool(
        cognito,
        b -> b.usernameAttributes(UsernameAttributeType.EMAIL).autoVerifiedAttributes(VerifiedAttributeType.EMAIL),
        c -> {});
  }

  public static Pool pool(
      CognitoIdentityProviderClient cognito,
      Consumer<CreateUserPoolRequest.Builder> poolSettings,
      Consumer<CreateUserPoolClientRequest.Builder> clientSettings) {
    String poolId = userPool(cognito, poolSettings);
    UserPoolClientType client = client(cognito, poolId, clientSettings);
    return new Pool(poolId, client.clientId(), client.clientSecret());
  }

  /** Creates a pool and returns its id; the settings may replace the default name. */
  public static String userPool(
      CognitoIdentityProviderClient cognito, Consumer<CreateUserPoolRequest.Builder> settings) {
    return cognito
        .createUserPool(
            b -> {
              b.poolName("cognate-it");
              settings.accept(b);
            })
        .userPool()
        .id();
  }

  /** Creates an app client in the pool; the settings may replace the default name. */
  public static UserPoolClientType client(
      CognitoIdentityProviderClient cognito, String poolId, Consumer<CreateUserPoolClientRequest.Builder> settings) {
    return cognito
        .createUserPoolClient(
            b -> {
              b.userPoolId(poolId).clientName("web");
              settings.accept(b);
            })
        .userPoolClient();
  }
}
