package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.TestEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** CreateUserPool, DescribeUserPool, ListUserPools and DeleteUserPool through the real SDK v2 client. */
class UserPoolsIT {
  private static final String MISSING_POOL = "us-east-1_AAAAAAAAA";

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  // ---------------------------------------------------------------------------------------------------------
  // CreateUserPool

  @Test
  void createReturnsIdNameArnAndDates() {
    Instant before = Instant.now();
    UserPoolType pool = cognito.createUserPool(r -> r.poolName("orders")).userPool();

    assertNotNull(pool);
    assertTrue(pool.id().matches("us-east-1_[0-9A-Za-z]{9}"), pool.id());
    assertEquals("orders", pool.name());
    assertEquals("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + pool.id(), pool.arn());
    assertNotNull(pool.creationDate(), "CreationDate");
    assertNotNull(pool.lastModifiedDate(), "LastModifiedDate");
    // Epoch seconds on the wire: a millisecond value would land tens of thousands of years from now.
    assertTrue(
        Duration.between(before, pool.creationDate()).abs().compareTo(Duration.ofHours(1)) < 0,
        "CreationDate " + pool.creationDate() + " is not close to now");
    assertFalse(pool.lastModifiedDate().isBefore(pool.creationDate()));
  }

  @Test
  void poolIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      ids.add(cognito.createUserPool(r -> r.poolName("same-name")).userPool().id());
    }
    assertEquals(5, ids.size(), ids.toString());
  }

  @Test
  void defaultPasswordPolicyWhenPoliciesAbsent() {
    UserPoolType pool = cognito.createUserPool(r -> r.poolName("defaults")).userPool();
    assertDefaultPolicy(pool);
    assertDefaultPolicy(describe(pool.id()));
  }

  private static void assertDefaultPolicy(UserPoolType pool) {
    assertNotNull(pool.policies(), "Policies");
    PasswordPolicyType policy = pool.policies().passwordPolicy();
    assertNotNull(policy, "PasswordPolicy");
    assertEquals(8, policy.minimumLength());
    assertEquals(Boolean.TRUE, policy.requireUppercase());
    assertEquals(Boolean.TRUE, policy.requireLowercase());
    assertEquals(Boolean.TRUE, policy.requireNumbers());
    assertEquals(Boolean.TRUE, policy.requireSymbols());
    assertEquals(7, policy.temporaryPasswordValidityDays());
  }

  @Test
  void customPasswordPolicyIsEchoed() {
    UserPoolType pool =
        cognito
            .createUserPool(
                r ->
                    r.poolName("custom-policy")
                        .policies(
                            p ->
                                p.passwordPolicy(
                                    pp ->
                                        pp.minimumLength(12)
                                            .requireUppercase(false)
                                            .requireLowercase(true)
                                            .requireNumbers(false)
                                            .requireSymbols(false)
                                            .temporaryPasswordValidityDays(3))))
            .userPool();
    for (UserPoolType seen : List.of(pool, describe(pool.id()))) {
      PasswordPolicyType policy = seen.policies().passwordPolicy();
      assertEquals(12, policy.minimumLength());
      assertEquals(Boolean.FALSE, policy.requireUppercase());
      assertEquals(Boolean.TRUE, policy.requireLowercase());
      assertEquals(Boolean.FALSE, policy.requireNumbers());
      assertEquals(Boolean.FALSE, policy.requireSymbols());
      assertEquals(3, policy.temporaryPasswordValidityDays());
    }
  }

  @Test
  void schemaHasStandardEmailAndPrefixedCustomAttributes() {
    UserPoolType pool =
        cognito
            .createUserPool(
                r ->
                    r.poolName("schema")
                        .schema(
                            SchemaAttributeType.builder()
                                .name("email")
                                .attributeDataType(AttributeDataType.STRING)
                                .required(true)
                                .mutable(true)
                                .build(),
                            SchemaAttributeType.builder()
                                .name("tenant")
                                .attributeDataType(AttributeDataType.STRING)
                                .mutable(true)
                                .stringAttributeConstraints(
                                    StringAttributeConstraintsType.builder()
                                        .minLength("1")
                                        .maxLength("64")
                                        .build())
                                .build(),
                            SchemaAttributeType.builder()
                                .name("level")
                                .attributeDataType(AttributeDataType.NUMBER)
                                .mutable(true)
                                .build()))
            .userPool();

    for (UserPoolType seen : List.of(pool, describe(pool.id()))) {
      Map<String, SchemaAttributeType> byName = schemaByName(seen);
      assertTrue(byName.containsKey("email"), byName.keySet().toString());
      assertEquals(Boolean.TRUE, byName.get("email").required(), "email was declared required");
      assertTrue(byName.containsKey("custom:tenant"), byName.keySet().toString());
      assertEquals(AttributeDataType.STRING, byName.get("custom:tenant").attributeDataType());
      assertTrue(byName.containsKey("custom:level"), byName.keySet().toString());
      assertEquals(AttributeDataType.NUMBER, byName.get("custom:level").attributeDataType());
      assertFalse(byName.containsKey("tenant"), "custom attribute without its prefix: " + byName.keySet());
      assertFalse(byName.containsKey("custom:custom:tenant"), byName.keySet().toString());
    }
  }

  @Test
  void standardEmailIsInSchemaEvenWithoutSchemaInRequest() {
    UserPoolType pool = cognito.createUserPool(r -> r.poolName("no-schema")).userPool();
    assertTrue(schemaByName(pool).containsKey("email"), schemaByName(pool).keySet().toString());
    assertTrue(
        schemaByName(describe(pool.id())).containsKey("email"),
        schemaByName(describe(pool.id())).keySet().toString());
  }

  @Test
  void autoVerifiedAndUsernameAttributesAreEchoed() {
    UserPoolType pool =
        cognito
            .createUserPool(
                r ->
                    r.poolName("email-users")
                        .usernameAttributes(UsernameAttributeType.EMAIL)
                        .autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
            .userPool();
    for (UserPoolType seen : List.of(pool, describe(pool.id()))) {
      assertEquals(List.of(UsernameAttributeType.EMAIL), seen.usernameAttributes());
      assertEquals(List.of(VerifiedAttributeType.EMAIL), seen.autoVerifiedAttributes());
    }
  }

  @Test
  void usernameConfigurationIsEchoed() {
    UserPoolType insensitive =
        cognito
            .createUserPool(
                r -> r.poolName("insensitive").usernameConfiguration(u -> u.caseSensitive(false)))
            .userPool();
    UserPoolType sensitive =
        cognito
            .createUserPool(r -> r.poolName("sensitive").usernameConfiguration(u -> u.caseSensitive(true)))
            .userPool();

    assertEquals(Boolean.FALSE, insensitive.usernameConfiguration().caseSensitive());
    assertEquals(Boolean.FALSE, describe(insensitive.id()).usernameConfiguration().caseSensitive());
    assertEquals(Boolean.TRUE, sensitive.usernameConfiguration().caseSensitive());
    assertEquals(Boolean.TRUE, describe(sensitive.id()).usernameConfiguration().caseSensitive());
  }

  @Test
  void regionChangesIdPrefixAndArn() {
    try (Cognate euCognate = TestEmulator.start(CognateConfig.forTests().region("eu-west-1"));
        CognitoIdentityProviderClient eu = TestEmulator.client(euCognate.endpoint(), Region.EU_WEST_1)) {
      UserPoolType pool = eu.createUserPool(r -> r.poolName("eu")).userPool();
      assertTrue(pool.id().matches("eu-west-1_[0-9A-Za-z]{9}"), pool.id());
      assertEquals("arn:aws:cognito-idp:eu-west-1:000000000000:userpool/" + pool.id(), pool.arn());
      UserPoolType described = eu.describeUserPool(r -> r.userPoolId(pool.id())).userPool();
      assertEquals(pool.arn(), described.arn());
    }
  }

  @Test
  void accountIdChangesArn() {
    try (Cognate other = TestEmulator.start(CognateConfig.forTests().accountId("123456789012"));
        CognitoIdentityProviderClient client = TestEmulator.client(other)) {
      UserPoolType pool = client.createUserPool(r -> r.poolName("acct")).userPool();
      assertEquals("arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + pool.id(), pool.arn());
    }
  }

  @Test
  void minimumLengthBelowSixIsValidationError() {
    assertInvalidParameter(
        "1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy "
            + "constraint: Member must have value greater than or equal to 6",
        () -> cognito.createUserPool(
            r -> r.poolName("short").policies(p -> p.passwordPolicy(pp -> pp.minimumLength(5)))));
  }

  @Test
  void otherCreateValidationErrors() {
    assertInvalidParameter(
        "1 validation error detected: Value null at 'poolName' failed to satisfy constraint: "
            + "Member must not be null",
        () -> cognito.createUserPool(CreateUserPoolRequest.builder().build()));
    assertInvalidParameter(
        "1 validation error detected: Value 'bad!name' at 'poolName' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+",
        () -> cognito.createUserPool(r -> r.poolName("bad!name")));
    assertInvalidParameter(
        "1 validation error detected: Value '"
            + "p".repeat(129)
            + "' at 'poolName' failed to satisfy constraint: Member must have length less than or equal to 128",
        () -> cognito.createUserPool(r -> r.poolName("p".repeat(129))));
    assertInvalidParameter(
        "1 validation error detected: Value '366' at 'policies.passwordPolicy.temporaryPasswordValidityDays' "
            + "failed to satisfy constraint: Member must have value less than or equal to 365",
        () ->
            cognito.createUserPool(
                r ->
                    r.poolName("temp")
                        .policies(p -> p.passwordPolicy(pp -> pp.temporaryPasswordValidityDays(366)))));
  }

  // ---------------------------------------------------------------------------------------------------------
  // DescribeUserPool

  @Test
  void describeEchoesWhatCreateReturned() {
    UserPoolType created =
        cognito
            .createUserPool(
                r ->
                    r.poolName("echo")
                        .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                        .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(10).requireSymbols(false))))
            .userPool();
    UserPoolType described = describe(created.id());

    assertEquals(created.id(), described.id());
    assertEquals(created.name(), described.name());
    assertEquals(created.arn(), described.arn());
    assertEquals(created.creationDate(), described.creationDate());
    assertEquals(created.lastModifiedDate(), described.lastModifiedDate());
    assertEquals(created.autoVerifiedAttributes(), described.autoVerifiedAttributes());
    assertEquals(
        created.policies().passwordPolicy().minimumLength(),
        described.policies().passwordPolicy().minimumLength());
    assertEquals(10, described.policies().passwordPolicy().minimumLength());
    assertEquals(Boolean.FALSE, described.policies().passwordPolicy().requireSymbols());
    assertEquals(schemaByName(created).keySet(), schemaByName(described).keySet());
  }

  @Test
  void describeUnknownPoolIsResourceNotFound() {
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.describeUserPool(r -> r.userPoolId(MISSING_POOL)));
  }

  @Test
  void poolsOfOneRegionAreNotFoundUnderAnotherPrefix() {
    UserPoolType pool = cognito.createUserPool(r -> r.poolName("prefix")).userPool();
    String otherRegionId = "eu-west-1_" + pool.id().substring("us-east-1_".length());
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + otherRegionId + " does not exist.",
        () -> cognito.describeUserPool(r -> r.userPoolId(otherRegionId)));
  }

  // ---------------------------------------------------------------------------------------------------------
  // ListUserPools

  @Test
  void listUserPoolsPaginatesWithoutDuplicates() {
    Map<String, String> created = new java.util.LinkedHashMap<>();
    for (int i = 1; i <= 5; i++) {
      String name = "pool-" + i;
      created.put(cognito.createUserPool(r -> r.poolName(name)).userPool().id(), name);
    }

    List<UserPoolDescriptionType> all = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListUserPoolsResponse page = cognito.listUserPools(r -> r.maxResults(2).nextToken(next));
      assertTrue(page.userPools().size() <= 2, "page larger than MaxResults: " + page.userPools().size());
      pageSizes.add(page.userPools().size());
      all.addAll(page.userPools());
      token = page.nextToken();
      assertTrue(++pages <= 10, "pagination does not terminate");
    } while (token != null);

    List<String> ids = all.stream().map(UserPoolDescriptionType::id).collect(Collectors.toList());
    assertEquals(5, ids.size(), "all pools, once each: " + ids + " pages " + pageSizes);
    assertEquals(created.keySet(), new HashSet<>(ids));
    assertEquals(2, pageSizes.get(0), "first page must be full: " + pageSizes);
    for (UserPoolDescriptionType description : all) {
      assertEquals(created.get(description.id()), description.name());
      assertNotNull(description.creationDate(), "CreationDate in ListUserPools");
    }
  }

  @Test
  void listUserPoolsInOnePage() {
    String id = cognito.createUserPool(r -> r.poolName("only")).userPool().id();
    ListUserPoolsResponse page = cognito.listUserPools(r -> r.maxResults(60));
    assertEquals(List.of(id), page.userPools().stream().map(UserPoolDescriptionType::id).toList());
    assertNull(page.nextToken());
  }

  @Test
  void listUserPoolsMaxResultsValidation() {
    assertInvalidParameter(
        "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: "
            + "Member must not be null",
        () -> cognito.listUserPools(r -> {}));
    assertInvalidParameter(
        "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1",
        () -> cognito.listUserPools(r -> r.maxResults(0)));
    assertInvalidParameter(
        "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: "
            + "Member must have value less than or equal to 60",
        () -> cognito.listUserPools(r -> r.maxResults(61)));
  }

  // ---------------------------------------------------------------------------------------------------------
  // DeleteUserPool

  @Test
  void deletedPoolIsGone() {
    String keep = cognito.createUserPool(r -> r.poolName("keep")).userPool().id();
    String doomed = cognito.createUserPool(r -> r.poolName("doomed")).userPool().id();

    cognito.deleteUserPool(r -> r.userPoolId(doomed));

    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + doomed + " does not exist.",
        () -> cognito.describeUserPool(r -> r.userPoolId(doomed)));
    assertEquals(keep, describe(keep).id());
    assertEquals(
        List.of(keep),
        cognito.listUserPools(r -> r.maxResults(60)).userPools().stream()
            .map(UserPoolDescriptionType::id)
            .toList());

    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + doomed + " does not exist.",
        () -> cognito.deleteUserPool(r -> r.userPoolId(doomed)));
  }

  @Test
  void deleteUnknownPoolIsResourceNotFound() {
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.deleteUserPool(r -> r.userPoolId(MISSING_POOL)));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Helpers

  private UserPoolType describe(String id) {
    return cognito.describeUserPool(r -> r.userPoolId(id)).userPool();
  }

  private static Map<String, SchemaAttributeType> schemaByName(UserPoolType pool) {
    assertNotNull(pool.schemaAttributes(), "SchemaAttributes");
    return pool.schemaAttributes().stream()
        .collect(Collectors.toMap(SchemaAttributeType::name, Function.identity(), (a, b) -> a));
  }
}
