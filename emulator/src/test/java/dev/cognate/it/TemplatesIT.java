package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.provision.Location;
import dev.cognate.provision.ProvisioningException;
import dev.cognate.provision.TemplateSource;
import dev.cognate.support.CapturedLog;
import dev.cognate.support.TestEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** Pools and clients provisioned from a CloudFormation JSON stack, a SAM YAML file and a Serverless file. */
class TemplatesIT {

  static CognateConfig.Builder withTemplate(String resource) {
    return CognateConfig.forTests().template(new TemplateSource(Location.classpath(resource), Optional.empty()));
  }

  @Test
  void cloudFormationJsonStackIsProvisionedWithItsSettings() {
    try (CapturedLog log = CapturedLog.start();
        Cognate cognate = TestEmulator.start(withTemplate("templates/cfn-stack.json"));
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String poolId = cognate.resource("UserPool");
      assertTrue(poolId.matches("us-east-1_[0-9A-Za-z]{9}"), poolId);
      UserPoolType pool = cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool();
      assertEquals("shop-users-us-east-1", pool.name());
      assertEquals(List.of("email"), pool.usernameAttributesAsStrings());
      assertEquals(List.of("email"), pool.autoVerifiedAttributesAsStrings());
      PasswordPolicyType policy = pool.policies().passwordPolicy();
      assertEquals(10, policy.minimumLength());
      assertEquals(true, policy.requireLowercase());
      assertEquals(false, policy.requireUppercase());
      assertEquals(true, policy.requireNumbers());
      assertEquals(false, policy.requireSymbols());
      assertEquals(3, policy.temporaryPasswordValidityDays());
      SchemaAttributeType tier =
          pool.schemaAttributes().stream().filter(a -> a.name().equals("custom:tier")).findFirst().orElseThrow();
      assertEquals("1", tier.stringAttributeConstraints().minLength());
      assertEquals("20", tier.stringAttributeConstraints().maxLength());
      assertEquals(UserPoolMfaType.OPTIONAL, pool.mfaConfiguration());
      assertEquals("shop-auth-test", pool.domain());
      assertEquals(
          true,
          cognito.getUserPoolMfaConfig(r -> r.userPoolId(poolId)).softwareTokenMfaConfiguration().enabled());

      String clientId = cognate.resource("WebClient");
      assertTrue(clientId.matches("[a-z0-9]{26}"), clientId);
      UserPoolClientType client =
          cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(clientId)).userPoolClient();
      assertEquals("shop-web", client.clientName());
      assertEquals(
          List.of(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH),
          client.explicitAuthFlows());
      assertEquals(30, client.accessTokenValidity());
      assertEquals(45, client.idTokenValidity());
      assertEquals(7, client.refreshTokenValidity());
      assertEquals(TimeUnitsType.MINUTES, client.tokenValidityUnits().accessToken());
      assertEquals(TimeUnitsType.DAYS, client.tokenValidityUnits().refreshToken());
      assertTrue(client.clientSecret().matches("[a-z0-9]{52}"), client.clientSecret());
      assertEquals(client.clientSecret(), cognate.provisioned().find("WebClient").orElseThrow().attributes().get("ClientSecret"));

      GroupType admins = cognito.getGroup(r -> r.userPoolId(poolId).groupName("admins")).group();
      assertEquals("Shop administrators", admins.description());
      assertEquals(1, admins.precedence());
      assertEquals("admins", cognate.resource("Admins"));
      assertEquals(poolId, cognito.describeUserPoolDomain(r -> r.domain("shop-auth-test")).domainDescription().userPoolId());
      assertEquals(
          Map.of("orders.read", "Read orders", "orders.write", "Place orders"),
          cognito.describeResourceServer(r -> r.userPoolId(poolId).identifier("https://api.shop.example.com"))
              .resourceServer().scopes().stream()
              .collect(Collectors.toMap(ResourceServerScopeType::scopeName, ResourceServerScopeType::scopeDescription)));

      assertEquals(
          List.of("UserPool", "WebClient", "Admins", "Domain", "Api"), List.copyOf(cognate.resources().keySet()),
          "the S3 bucket is not a Cognito resource and is left out");
      List<String> warnings = log.lines().stream().filter(l -> l.contains("cfn-stack.json")).toList();
      assertEquals(1, warnings.size(), String.join("\n", warnings));
      assertTrue(
          warnings.get(0).endsWith(
              "template cfn-stack.json, UserPool (AWS::Cognito::UserPool): not emulated, ignored:"
                  + " WebAuthnRelyingPartyID, WebAuthnUserVerification"),
          warnings.get(0));
      System.out.println("CloudFormation JSON: " + cognate.provisioned().lines());
    }
  }

  @Test
  void samYamlWithShortTagsIsProvisionedInDependencyOrder() {
    try (CapturedLog log = CapturedLog.start();
        Cognate cognate = TestEmulator.start(withTemplate("templates/sam-app.yaml"));
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String poolId = cognate.resource("UserPool");
      assertEquals("us-east-1_SamPool01", poolId, "Metadata Cognate.Id pins the pool id");
      UserPoolType pool = cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool();
      assertEquals("sam-app-pool", pool.name());
      assertEquals(List.of("email", "preferred_username"), pool.aliasAttributesAsStrings());
      assertEquals(true, pool.adminCreateUserConfig().allowAdminCreateUserOnly());
      assertEquals("arn:aws:lambda:us-east-1:000000000000:function:OrdersFunction", pool.lambdaConfig().preSignUp());

      UserPoolClientType client =
          cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(cognate.resource("AppClient")))
              .userPoolClient();
      assertEquals("sam-app-app", client.clientName());
      assertEquals(List.of("openid", "https://api.sam.example.com/orders.read"), client.allowedOAuthScopes());
      assertEquals(List.of("http://localhost:3000/callback"), client.callbackURLs());
      assertEquals(null, client.clientSecret());
      assertEquals("https://api.sam.example.com", cognate.resource("OrdersApi"));

      GroupType editors = cognito.getGroup(r -> r.userPoolId(poolId).groupName("Editors")).group();
      assertEquals("Editors of cognito-idp.us-east-1.amazonaws.com/us-east-1_SamPool01", editors.description());
      assertEquals(
          List.of("Editors"),
          cognito.adminListGroupsForUser(r -> r.userPoolId(poolId).username("carol")).groups().stream()
              .map(GroupType::groupName).toList());
      assertEquals(
          "FORCE_CHANGE_PASSWORD",
          cognito.adminGetUser(r -> r.userPoolId(poolId).username("carol")).userStatusAsString());
      assertTrue(
          log.lines().stream().anyMatch(l -> l.endsWith(
              "template sam-app.yaml, UserPool (AWS::Cognito::UserPool): stored but without effect in Cognate:"
                  + " LambdaConfig")),
          String.join("\n", log.lines()));
    }
  }

  @Test
  void serverlessFileIsProvisionedUnderServiceAndStage() {
    // As an application embedding its template in its jar would pass it: a URL from its class loader.
    CognateConfig.Builder config = CognateConfig.forTests().template(TemplatesIT.class.getResource("/templates/serverless.yml"));
    try (Cognate cognate = TestEmulator.start(config);
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String poolId = cognate.resource("CognitoUserPool");
      UserPoolType pool = cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool();
      assertEquals("bookshop-test-users", pool.name());
      assertEquals(12, pool.policies().passwordPolicy().minimumLength());
      UserPoolClientType client =
          cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(cognate.resource("CognitoUserPoolClient")))
              .userPoolClient();
      assertEquals("bookshop-test-client", client.clientName());
    }
  }

  @Test
  void idsAreStableAcrossStartsAndFollowTheStackName() {
    Map<String, String> first;
    try (Cognate cognate = TestEmulator.start(withTemplate("templates/cfn-stack.json"))) {
      first = cognate.resources();
    }
    try (Cognate cognate = TestEmulator.start(withTemplate("templates/cfn-stack.json"))) {
      assertEquals(first, cognate.resources());
    }
    CognateConfig.Builder renamed =
        CognateConfig.forTests()
            .template(new TemplateSource(Location.classpath("templates/cfn-stack.json"), Optional.of("other")));
    try (Cognate cognate = TestEmulator.start(renamed)) {
      assertNotEquals(first.get("UserPool"), cognate.resource("UserPool"));
      assertNotEquals(first.get("WebClient"), cognate.resource("WebClient"));
    }
  }

  @Test
  void aPropertyCognitoRefusesStopsTheStartWithOneLine() {
    ProvisioningException e =
        assertThrows(ProvisioningException.class, () -> TestEmulator.start(withTemplate("templates/bad-property.yaml")));
    assertEquals(
        "template bad-property.yaml, Client (AWS::Cognito::UserPoolClient): InvalidParameterException:"
            + " 1 validation error detected: Value '100000' at 'accessTokenValidity' failed to satisfy constraint:"
            + " Member must have value less than or equal to 86400",
        e.getMessage());
  }

  @Test
  void functionsAndConditionsCognateDoesNotEvaluateGiveOneWarningLine() {
    try (CapturedLog log = CapturedLog.start();
        Cognate cognate = TestEmulator.start(withTemplate("templates/conditions.yaml"));
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      UserPoolType pool = cognito.describeUserPool(r -> r.userPoolId(cognate.resource("Pool"))).userPool();
      assertEquals(UserPoolMfaType.OFF, pool.mfaConfiguration());
      String expected =
          "template conditions.yaml, Pool (AWS::Cognito::UserPool): Condition IsProd is not evaluated, provisioned"
              + " anyway; not resolved, ignored: MfaConfiguration (Fn::If is not evaluated by Cognate),"
              + " DeletionProtection (Fn::ImportValue is not evaluated by Cognate)";
      assertEquals(List.of(expected), cognate.provisioned().warnings());
      assertEquals(1, log.lines().stream().filter(l -> l.endsWith(expected)).count(), String.join("\n", log.lines()));
    }
  }

  @Test
  void theAppsTemplateGivesTheVariablesItsFunctionsRead(@TempDir Path dir) throws Exception {
    Path envFile = dir.resolve("app.env");
    try (Cognate cognate =
        TestEmulator.start(CognateConfig.forTests().template(Path.of("../app/template.yaml")).envFile(envFile))) {
      String pool = cognate.resource("UserPool");
      String client = cognate.resource("UserClient");
      assertEquals(
          List.of(
              "USER_POOL=" + pool,
              "USER_CLIENT=" + client,
              "USER_POOL_ID=" + pool,
              "USER_CLIENT_ID=" + client,
              "AWS_REGION=us-east-1",
              "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=" + cognate.endpoint()),
          Files.readAllLines(envFile));
      assertEquals(List.of(), cognate.provisioned().warnings(), "the app's template uses nothing Cognate ignores");
    }
  }
}
