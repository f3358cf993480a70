package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Race;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolDomainResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SecurityPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** CreateUserPoolDomain, DescribeUserPoolDomain, UpdateUserPoolDomain, DeleteUserPoolDomain via the SDK. */
class UserPoolDomainsIT {
  private static final String MISSING_POOL = "us-east-1_AAAAAAAAA";
  private static final String NO_SUCH_DOMAIN = "No such domain or user pool exists.";
  private static final String CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/abc-123";
  private static final String PREFIX_PATTERN = "^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$";

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  private String poolId;

  @BeforeEach
  void createPool() {
    poolId = newPool("domains");
  }

  @Test
  void prefixDomainIsDescribedAndShownOnThePool() {
    CreateUserPoolDomainResponse created = cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("my-app"));
    assertEquals(1, created.managedLoginVersion());
    assertNull(created.cloudFrontDomain(), "a prefix domain has no distribution to alias");

    DomainDescriptionType d = describe("my-app");
    assertEquals(poolId, d.userPoolId());
    assertEquals("my-app", d.domain());
    assertEquals(DomainStatusType.ACTIVE, d.status());
    assertEquals(1, d.managedLoginVersion());
    assertEquals("1", d.version());
    assertTrue(d.awsAccountId().matches("\\d{12}"), d.awsAccountId());
    assertNull(d.customDomainConfig());

    UserPoolType pool = cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool();
    assertEquals("my-app", pool.domain());
    assertNull(pool.customDomain());
  }

  @Test
  void customDomainKeepsItsCertificateAndGetsADistribution() {
    CreateUserPoolDomainResponse created =
        cognito.createUserPoolDomain(
            r ->
                r.userPoolId(poolId)
                    .domain("auth.example.com")
                    .managedLoginVersion(2)
                    .customDomainConfig(c -> c.certificateArn(CERTIFICATE).securityPolicy(SecurityPolicyType.TLS_V1_2_2021)));
    assertTrue(created.cloudFrontDomain().matches("d[0-9a-f]{13}\\.cloudfront\\.net"), created.cloudFrontDomain());
    assertEquals(2, created.managedLoginVersion());

    DomainDescriptionType d = describe("auth.example.com");
    assertEquals(CERTIFICATE, d.customDomainConfig().certificateArn());
    assertEquals(SecurityPolicyType.TLS_V1_2_2021, d.customDomainConfig().securityPolicy());
    assertEquals(created.cloudFrontDomain(), d.cloudFrontDistribution());

    UserPoolType pool = cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool();
    assertEquals("auth.example.com", pool.customDomain());
    assertNull(pool.domain());
  }

  @Test
  void unknownDomainIsAnEmptyDescription() {
    DomainDescriptionType d = describe("nobody-has-this");
    assertNull(d.userPoolId());
    assertNull(d.domain());
    assertNull(d.status());
  }

  @Test
  void aPrefixIsUniqueAcrossPools() {
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("taken"));
    String other = newPool("other");
    assertInvalidParameter(
        "Domain already associated with another user pool.", () -> cognito.createUserPoolDomain(r -> r.userPoolId(other).domain("taken")));
  }

  @Test
  void aPoolHasOneDomain() {
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("first"));
    assertInvalidParameter(
        "User pool already has a domain configured.",
        () -> cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("second")));
    assertNull(describe("second").domain(), "the refused domain was not stored");
  }

  @Test
  void createRefusals() {
    String invalidPrefix =
        "The domain name contains an invalid character. Domain names can only contain lower-case letters, numbers,"
            + " and hyphens. Please enter a different name that follows this format: " + PREFIX_PATTERN;
    assertInvalidParameter(
        invalidPrefix, () -> cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("My_App")));
    // A host name without a certificate is taken for a prefix.
    assertInvalidParameter(
        invalidPrefix, () -> cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("auth.example.com")));
    assertInvalidParameter(
        "1 validation error detected: Value '" + "a".repeat(64) + "' at 'domain' failed to satisfy constraint:"
            + " Member must have length less than or equal to 63",
        () -> cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("a".repeat(64))));
    assertInvalidParameter(
        "1 validation error detected: Value 'Bad_Name' at 'domain' failed to satisfy constraint: Member must satisfy"
            + " regular expression pattern: " + PREFIX_PATTERN,
        () -> cognito.describeUserPoolDomain(r -> r.domain("Bad_Name")));
    assertInvalidParameter(
        "Domain cannot contain reserved word: cognito",
        () -> cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("my-cognito-app")));
    assertInvalidParameter(
        "1 validation error detected: Value null at 'domain' failed to satisfy constraint: Member must not be null",
        () -> cognito.createUserPoolDomain(r -> r.userPoolId(poolId)));
    assertInvalidParameter(
        "ManagedLoginVersion must be 1 or 2.",
        () -> cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("v3").managedLoginVersion(3)));
    assertInvalidParameter(
        "Domain Not_A_Host is not a valid custom domain name.",
        () ->
            cognito.createUserPoolDomain(
                r -> r.userPoolId(poolId).domain("Not_A_Host").customDomainConfig(c -> c.certificateArn(CERTIFICATE))));
    assertInvalidParameter(
        "1 validation error detected: Value 'not-an-arn-but-long-enough' at 'customDomainConfig.certificateArn'"
            + " failed to satisfy constraint: Member must satisfy regular expression pattern:"
            + " arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?",
        () ->
            cognito.createUserPoolDomain(
                r ->
                    r.userPoolId(poolId)
                        .domain("auth.example.org")
                        .customDomainConfig(c -> c.certificateArn("not-an-arn-but-long-enough"))));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.createUserPoolDomain(r -> r.userPoolId(MISSING_POOL).domain("orphan")));
  }

  @Test
  void updateChangesVersionAndCertificate() {
    cognito.createUserPoolDomain(
        r -> r.userPoolId(poolId).domain("login.example.com").customDomainConfig(c -> c.certificateArn(CERTIFICATE)));
    String renewed = CERTIFICATE.replace("abc-123", "def-456");
    cognito.updateUserPoolDomain(
        r ->
            r.userPoolId(poolId)
                .domain("login.example.com")
                .managedLoginVersion(2)
                .customDomainConfig(c -> c.certificateArn(renewed)));

    DomainDescriptionType d = describe("login.example.com");
    assertEquals(2, d.managedLoginVersion());
    assertEquals(renewed, d.customDomainConfig().certificateArn());
    assertEquals("2", d.version());
  }

  @Test
  void updateRefusals() {
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("mine"));
    String other = newPool("other");
    assertInvalidParameter(
        NO_SUCH_DOMAIN, () -> cognito.updateUserPoolDomain(r -> r.userPoolId(poolId).domain("unknown")));
    assertInvalidParameter(
        NO_SUCH_DOMAIN, () -> cognito.updateUserPoolDomain(r -> r.userPoolId(other).domain("mine")));
    assertInvalidParameter(
        "ManagedLoginVersion must be 1 or 2.",
        () -> cognito.updateUserPoolDomain(r -> r.userPoolId(poolId).domain("mine").managedLoginVersion(0)));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.updateUserPoolDomain(r -> r.userPoolId(MISSING_POOL).domain("mine")));
  }

  @Test
  void deleteFreesThePrefix() {
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("reused"));
    cognito.deleteUserPoolDomain(r -> r.userPoolId(poolId).domain("reused"));

    assertNull(describe("reused").domain());
    assertNull(cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().domain());
    String other = newPool("other");
    cognito.createUserPoolDomain(r -> r.userPoolId(other).domain("reused"));
    assertEquals(other, describe("reused").userPoolId());
  }

  @Test
  void deleteRefusals() {
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("kept"));
    String other = newPool("other");
    assertInvalidParameter(
        NO_SUCH_DOMAIN, () -> cognito.deleteUserPoolDomain(r -> r.userPoolId(poolId).domain("unknown")));
    assertInvalidParameter(
        NO_SUCH_DOMAIN, () -> cognito.deleteUserPoolDomain(r -> r.userPoolId(other).domain("kept")));
    assertCognitoError(
        ResourceNotFoundException.class,
        "User pool " + MISSING_POOL + " does not exist.",
        () -> cognito.deleteUserPoolDomain(r -> r.userPoolId(MISSING_POOL).domain("kept")));
    assertEquals(poolId, describe("kept").userPoolId());
  }

  @Test
  void deletingThePoolTakesItsDomain() {
    cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("gone-with-pool"));
    cognito.deleteUserPool(r -> r.userPoolId(poolId));

    assertNull(describe("gone-with-pool").domain());
    String other = newPool("other");
    cognito.createUserPoolDomain(r -> r.userPoolId(other).domain("gone-with-pool"));
  }

  @Test
  void racingPoolsGetAPrefixOnce() throws Exception {
    List<String> pools = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pools.add(newPool("racer" + i));
    }
    List<Race.Outcome> outcomes =
        Race.run(8, 8, i -> cognito.createUserPoolDomain(r -> r.userPoolId(pools.get(i)).domain("contested")).toString());
    System.out.println("8 pools raced for one prefix: " + tally(outcomes));
    assertEquals(1, outcomes.stream().filter(Race.Outcome::ok).count(), outcomes.toString());
    assertTrue(
        outcomes.stream()
            .filter(o -> !o.ok())
            .allMatch(o -> o.is("InvalidParameterException") && o.message().equals("Domain already associated with another user pool.")),
        outcomes.toString());
  }

  @Test
  void aPoolRacingForManyPrefixesGetsOne() throws Exception {
    List<Race.Outcome> outcomes =
        Race.run(8, 8, i -> cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("prefix-" + i)).toString());
    System.out.println("one pool raced for 8 prefixes: " + tally(outcomes));
    assertEquals(1, outcomes.stream().filter(Race.Outcome::ok).count(), outcomes.toString());
    assertTrue(
        outcomes.stream()
            .filter(o -> !o.ok())
            .allMatch(o -> o.message().equals("User pool already has a domain configured.")),
        outcomes.toString());
  }

  @Test
  void aDomainRacingThePoolsDeletionIsNeverAServerError() throws Exception {
    List<Race.Outcome> outcomes =
        Race.run(
            8,
            8,
            i -> {
              if (i == 0) {
                cognito.deleteUserPool(r -> r.userPoolId(poolId));
                return "deleted";
              }
              return cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain("late-" + i)).toString();
            });
    System.out.println("domain creations raced DeleteUserPool: " + tally(outcomes));
    assertTrue(outcomes.stream().noneMatch(Race.Outcome::serverError), outcomes.toString());
    for (int i = 1; i < 8; i++) {
      assertNull(describe("late-" + i).domain(), "no domain outlives its pool");
    }
  }

  private DomainDescriptionType describe(String domain) {
    return cognito.describeUserPoolDomain(r -> r.domain(domain)).domainDescription();
  }

  private String newPool(String name) {
    return cognito.createUserPool(r -> r.poolName(name)).userPool().id();
  }

  /** How the calls of a race ended, counted by outcome: one short line for the test log. */
  private static Map<String, Long> tally(List<Race.Outcome> outcomes) {
    return outcomes.stream()
        .collect(
            Collectors.groupingBy(
                o -> o.ok() ? "ok" : o.errorCode() + " " + o.message(),
                TreeMap::new,
                Collectors.counting()));
  }
}
