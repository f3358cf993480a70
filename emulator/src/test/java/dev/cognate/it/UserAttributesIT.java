package dev.cognate.it;

import static dev.cognate.support.CognitoAssertions.assertCognitoError;
import static dev.cognate.support.CognitoAssertions.assertInvalidParameter;
import static dev.cognate.support.Users.APP_PASSWORD;
import static dev.cognate.support.Users.attr;
import static dev.cognate.support.Users.attributes;
import static dev.cognate.support.Users.signIn;
import static dev.cognate.support.Users.signUp;
import static dev.cognate.support.Users.signUpConfirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SentCode;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.Race;
import dev.cognate.support.Race.Outcome;
import dev.cognate.support.TestEmulator;
import dev.cognate.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NumberAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserAttributesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Attributes of existing users: AdminUpdateUserAttributes, UpdateUserAttributes, GetUserAttributeVerificationCode,
 * VerifyUserAttribute, AdminDeleteUserAttributes, DeleteUserAttributes, and what app clients may read and write.
 */
class UserAttributesIT {
  private static final String UNAUTHORIZED_WRITE = "A client attempted to write unauthorized attribute";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @RegisterExtension static final EmulatorExtension EMULATOR = EmulatorExtension.start();
  private static final Cognate COGNATE = EMULATOR.cognate();
  private static final CognitoIdentityProviderClient COGNITO = EMULATOR.cognito();
  private static Pool pool;

  @BeforeAll
  static void createPool() {
    pool = schemaPool(COGNITO, b -> {}, c -> {});
  }

  /**
   * E-mail required and auto-verified, lenient passwords, and custom attributes of every kind: a bounded number, an
   * immutable string, a short string and a developer-only one.
   */
  private static Pool schemaPool(
      CognitoIdentityProviderClient cognito,
      Consumer<CreateUserPoolRequest.Builder> poolSettings,
      Consumer<CreateUserPoolClientRequest.Builder> clientSettings) {
    return Pools.pool(
        cognito,
        b -> {
          b.policies(
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
                      .build(),
                  SchemaAttributeType.builder()
                      .name("level")
                      .attributeDataType(AttributeDataType.NUMBER)
                      .numberAttributeConstraints(
                          NumberAttributeConstraintsType.builder().minValue("0").maxValue("10").build())
                      .build(),
                  SchemaAttributeType.builder()
                      .name("fixed")
                      .attributeDataType(AttributeDataType.STRING)
                      .mutable(false)
                      .build(),
                  SchemaAttributeType.builder()
                      .name("team")
                      .attributeDataType(AttributeDataType.STRING)
                      .stringAttributeConstraints(StringAttributeConstraintsType.builder().maxLength("5").build())
                      .build(),
                  SchemaAttributeType.builder()
                      .name("secret")
                      .attributeDataType(AttributeDataType.STRING)
                      .developerOnlyAttribute(true)
                      .build());
          poolSettings.accept(b);
        },
        c -> {
          c.explicitAuthFlows(
              ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
          clientSettings.accept(c);
        });
  }

  private static String newUser(Pool target) {
    String username = "user" + SEQUENCE.incrementAndGet();
    signUpConfirmed(COGNITO, COGNATE, target, username, APP_PASSWORD, attr("email", username + "@example.com"));
    return username;
  }

  private static String accessToken(Pool target, String username) {
    return signIn(COGNITO, target.clientId(), username, APP_PASSWORD).accessToken();
  }

  private static Map<String, String> adminAttributes(Pool target, String username) {
    return attributes(
        COGNITO.adminGetUser(r -> r.userPoolId(target.poolId()).username(username)).userAttributes());
  }

  private static void adminUpdate(Pool target, String username, AttributeType... attributes) {
    COGNITO.adminUpdateUserAttributes(
        r -> r.userPoolId(target.poolId()).username(username).userAttributes(attributes));
  }

  private static SentCode lastVerificationCode(Cognate cognate, Pool target, String username) {
    List<SentCode> sent =
        cognate.outbox().codes(target.poolId(), username).stream()
            .filter(c -> c.purpose() == CodePurpose.VERIFY_ATTRIBUTE)
            .toList();
    assertFalse(sent.isEmpty(), "a verification code was sent");
    return sent.get(sent.size() - 1);
  }

  private static long verificationCodes(Pool target, String username) {
    return COGNATE.outbox().codes(target.poolId(), username).stream()
        .filter(c -> c.purpose() == CodePurpose.VERIFY_ATTRIBUTE)
        .count();
  }

  // ---- AdminUpdateUserAttributes ----

  @Test
  void adminUpdateSetsValuesAdminGetUserShows() {
    String alice = newUser(pool);
    adminUpdate(pool, alice, attr("name", "Alice"), attr("custom:level", "7"), attr("custom:team", "blue"));
    Map<String, String> stored = adminAttributes(pool, alice);
    assertEquals("Alice", stored.get("name"));
    assertEquals("7", stored.get("custom:level"));
    assertEquals("blue", stored.get("custom:team"));
    assertEquals("true", stored.get("email_verified"), "an untouched e-mail stays verified");

    adminUpdate(pool, alice, attr("custom:level", "3"));
    assertEquals("3", adminAttributes(pool, alice).get("custom:level"));
  }

  @Test
  void anEmptyValueDeletesTheAttribute() {
    String bob = newUser(pool);
    adminUpdate(pool, bob, attr("name", "Bob"));
    adminUpdate(pool, bob, attr("name", ""));
    assertFalse(adminAttributes(pool, bob).containsKey("name"));
  }

  @Test
  void valuesAreCheckedAgainstTheSchema() {
    String carol = newUser(pool);
    assertInvalidParameter(
        "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.",
        () -> adminUpdate(pool, carol, attr("custom:nope", "x")));
    assertInvalidParameter(
        "Attributes did not conform to the schema: custom:level: Number must be no greater than 10",
        () -> adminUpdate(pool, carol, attr("custom:level", "11")));
    assertInvalidParameter(
        "Attributes did not conform to the schema: custom:level: Number must be a number",
        () -> adminUpdate(pool, carol, attr("custom:level", "ten")));
    assertInvalidParameter(
        "Attributes did not conform to the schema: custom:team: String must be no longer than 5 characters",
        () -> adminUpdate(pool, carol, attr("custom:team", "purple")));
    assertInvalidParameter("Invalid email address format.", () -> adminUpdate(pool, carol, attr("email", "nope")));
    assertInvalidParameter(
        "Attributes did not conform to the schema: email: The attribute is required",
        () -> adminUpdate(pool, carol, attr("email", "")));
    // A refused request changes nothing, not even the attributes it sent that were fine.
    assertInvalidParameter(
        "Attributes did not conform to the schema: custom:level: Number must be no less than 0",
        () -> adminUpdate(pool, carol, attr("name", "Carol"), attr("custom:level", "-1")));
    assertFalse(adminAttributes(pool, carol).containsKey("name"));
  }

  @Test
  void immutableAttributesAndSubAreRefusedAfterCreation() {
    String dave = "user" + SEQUENCE.incrementAndGet();
    signUpConfirmed(
        COGNITO, COGNATE, pool, dave, APP_PASSWORD, attr("email", dave + "@example.com"), attr("custom:fixed", "a"));
    assertInvalidParameter(
        "user.custom:fixed: Attribute cannot be updated.", () -> adminUpdate(pool, dave, attr("custom:fixed", "b")));
    String erin = newUser(pool);
    assertInvalidParameter(
        "user.custom:fixed: Attribute cannot be updated.", () -> adminUpdate(pool, erin, attr("custom:fixed", "b")));
    assertInvalidParameter("user.sub: Attribute cannot be updated.", () -> adminUpdate(pool, erin, attr("sub", "x")));
    assertEquals("a", adminAttributes(pool, dave).get("custom:fixed"));
  }

  @Test
  void anUnknownUserOrPoolIsReported() {
    assertCognitoError(
        UserNotFoundException.class, "User does not exist.", () -> adminUpdate(pool, "nobody", attr("name", "x")));
    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> COGNITO.adminDeleteUserAttributes(
            r -> r.userPoolId(pool.poolId()).username("nobody").userAttributeNames("name")));
  }

  @Test
  void aNewEmailIsUnverifiedAndGetsAVerificationCode() {
    String frank = newUser(pool);
    adminUpdate(pool, frank, attr("email", "frank.new@example.com"));
    Map<String, String> stored = adminAttributes(pool, frank);
    assertEquals("frank.new@example.com", stored.get("email"));
    assertEquals("false", stored.get("email_verified"));
    SentCode code = lastVerificationCode(COGNATE, pool, frank);
    assertEquals("frank.new@example.com", code.destination());
    assertEquals("EMAIL", code.deliveryMedium());
  }

  @Test
  void anAdministratorMayVouchForANewEmail() {
    String gina = newUser(pool);
    long before = verificationCodes(pool, gina);
    adminUpdate(pool, gina, attr("email", "gina.new@example.com"), attr("email_verified", "true"));
    Map<String, String> stored = adminAttributes(pool, gina);
    assertEquals("gina.new@example.com", stored.get("email"));
    assertEquals("true", stored.get("email_verified"));
    assertEquals(before, verificationCodes(pool, gina), "no code when the e-mail is vouched for");
  }

  @Test
  void developerOnlyAttributesAreTheAdministratorsAlone() throws Exception {
    String hank = newUser(pool);
    adminUpdate(pool, hank, attr("dev:custom:secret", "s3"));
    assertEquals("s3", adminAttributes(pool, hank).get("dev:custom:secret"));
    assertInvalidParameter(
        "Attributes did not conform to the schema: custom:secret: Attribute does not exist in the schema.",
        () -> adminUpdate(pool, hank, attr("custom:secret", "x")));

    var tokens = signIn(COGNITO, pool.clientId(), hank, APP_PASSWORD);
    Map<String, String> own = attributes(COGNITO.getUser(r -> r.accessToken(tokens.accessToken())).userAttributes());
    assertFalse(own.containsKey("dev:custom:secret"), "GetUser hides developer-only attributes");
    assertFalse(SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getClaims().containsKey("dev:custom:secret"));
    assertCognitoError(
        NotAuthorizedException.class,
        UNAUTHORIZED_WRITE,
        () -> COGNITO.updateUserAttributes(
            r -> r.accessToken(tokens.accessToken()).userAttributes(attr("dev:custom:secret", "mine"))));
  }

  // ---- UpdateUserAttributes, GetUserAttributeVerificationCode, VerifyUserAttribute ----

  @Test
  void aUserChangesTheirEmailAndVerifiesItOnce() {
    String ivy = newUser(pool);
    String token = accessToken(pool, ivy);
    UpdateUserAttributesResponse response =
        COGNITO.updateUserAttributes(
            r -> r.accessToken(token).userAttributes(attr("email", "ivy.new@example.com"), attr("name", "Ivy")));
    CodeDeliveryDetailsType delivery = response.codeDeliveryDetailsList().get(0);
    assertEquals("i***@e***", delivery.destination());
    assertEquals(DeliveryMediumType.EMAIL, delivery.deliveryMedium());
    assertEquals("email", delivery.attributeName());
    Map<String, String> own = attributes(COGNITO.getUser(r -> r.accessToken(token)).userAttributes());
    assertEquals("ivy.new@example.com", own.get("email"));
    assertEquals("false", own.get("email_verified"));
    assertEquals("Ivy", own.get("name"));

    String code = lastVerificationCode(COGNATE, pool, ivy).code();
    assertCognitoError(
        CodeMismatchException.class,
        "Invalid verification code provided, please try again.",
        () -> COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(otherThan(code))));
    COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(code));
    assertEquals("true", adminAttributes(pool, ivy).get("email_verified"));
    assertCognitoError(
        ExpiredCodeException.class,
        "Invalid code provided, please request a code again.",
        () -> COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(code)));
  }

  @Test
  void aClientCannotWriteVerifiedFlagsOrSub() {
    String jack = newUser(pool);
    String token = accessToken(pool, jack);
    for (String name : List.of("email_verified", "phone_number_verified", "sub")) {
      assertCognitoError(
          NotAuthorizedException.class,
          UNAUTHORIZED_WRITE,
          () -> COGNITO.updateUserAttributes(r -> r.accessToken(token).userAttributes(attr(name, "true"))));
    }
    assertCognitoError(
        NotAuthorizedException.class,
        UNAUTHORIZED_WRITE,
        () -> COGNITO.deleteUserAttributes(r -> r.accessToken(token).userAttributeNames("email_verified")));
    assertInvalidParameter(
        "user.custom:fixed: Attribute cannot be updated.",
        () -> COGNITO.updateUserAttributes(r -> r.accessToken(token).userAttributes(attr("custom:fixed", "x"))));
  }

  @Test
  void verificationCodesAreForEmailAndPhoneNumberOnly() {
    String kate = newUser(pool);
    String token = accessToken(pool, kate);
    String onlyThose = "Invalid attribute name. Only phone_number and email can be verified.";
    assertInvalidParameter(
        onlyThose,
        () -> COGNITO.getUserAttributeVerificationCode(r -> r.accessToken(token).attributeName("given_name")));
    assertInvalidParameter(
        onlyThose,
        () -> COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("name").code("123456")));
    assertInvalidParameter(
        "User does not have a valid registered phone number",
        () -> COGNITO.getUserAttributeVerificationCode(r -> r.accessToken(token).attributeName("phone_number")));
    assertInvalidParameter(
        "Unable to verify attribute: phone_number no value set to verify",
        () -> COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("phone_number").code("123456")));
    assertCognitoError(
        ExpiredCodeException.class,
        "Invalid code provided, please request a code again.",
        () -> COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code("123456")));
    assertCognitoError(
        NotAuthorizedException.class,
        "Invalid Access Token",
        () -> COGNITO.getUserAttributeVerificationCode(r -> r.accessToken("not.a.token").attributeName("email")));
  }

  @Test
  void aRequestedCodeReplacesThePreviousOne() {
    String liam = newUser(pool);
    String token = accessToken(pool, liam);
    CodeDeliveryDetailsType delivery =
        COGNITO.getUserAttributeVerificationCode(r -> r.accessToken(token).attributeName("email"))
            .codeDeliveryDetails();
    assertEquals("email", delivery.attributeName());
    assertEquals(DeliveryMediumType.EMAIL, delivery.deliveryMedium());
    String first = lastVerificationCode(COGNATE, pool, liam).code();
    COGNITO.getUserAttributeVerificationCode(r -> r.accessToken(token).attributeName("email"));
    String second = lastVerificationCode(COGNATE, pool, liam).code();
    if (!first.equals(second)) {
      assertCognitoError(
          CodeMismatchException.class,
          "Invalid verification code provided, please try again.",
          () -> COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(first)));
    }
    COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(second));
  }

  @Test
  void aVerificationCodeExpiresAfter24Hours() {
    MutableClock clock = MutableClock.startingNow();
    try (Cognate timed = TestEmulator.start(CognateConfig.forTests().clock(clock));
        CognitoIdentityProviderClient client = TestEmulator.client(timed)) {
      Pool timedPool = schemaPool(client, b -> {}, c -> {});
      String username = "mia";
      signUpConfirmed(client, timed, timedPool, username, APP_PASSWORD, attr("email", "mia@example.com"));
      client.adminUpdateUserAttributes(
          r -> r.userPoolId(timedPool.poolId()).username(username).userAttributes(attr("email", "mia2@example.com")));
      String code = lastVerificationCode(timed, timedPool, username).code();
      clock.advance(Duration.ofHours(24).plusSeconds(1));
      String token = signIn(client, timedPool.clientId(), username, APP_PASSWORD).accessToken();
      assertCognitoError(
          ExpiredCodeException.class,
          "Invalid code provided, please request a code again.",
          () -> client.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(code)));
    }
  }

  @Test
  void aCodeUsedTwiceAtOnceVerifiesOnce() throws Exception {
    String noah = newUser(pool);
    String token = accessToken(pool, noah);
    COGNITO.getUserAttributeVerificationCode(r -> r.accessToken(token).attributeName("email"));
    String code = lastVerificationCode(COGNATE, pool, noah).code();
    int attempts = 8;
    List<Outcome> outcomes =
        Race.run(
            attempts,
            attempts,
            i -> {
              COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(code));
              return "verified";
            });
    long verified = outcomes.stream().filter(Outcome::ok).count();
    System.out.println("VerifyUserAttribute with one code " + attempts + " times at once: " + outcomes);
    assertEquals(1, verified, outcomes::toString);
    assertTrue(outcomes.stream().filter(o -> !o.ok()).allMatch(o -> o.is("ExpiredCodeException")), outcomes::toString);
  }

  // ---- AttributesRequireVerificationBeforeUpdate ----

  @Test
  void aNewValueWaitsForVerificationWhereThePoolSaysSo() {
    Pool waiting =
        schemaPool(
            COGNITO,
            b -> b.userAttributeUpdateSettings(
                s -> s.attributesRequireVerificationBeforeUpdate(VerifiedAttributeType.EMAIL)),
            c -> {});
    String olga = newUser(waiting);
    String token = accessToken(waiting, olga);
    UpdateUserAttributesResponse response =
        COGNITO.updateUserAttributes(r -> r.accessToken(token).userAttributes(attr("email", "olga.new@example.com")));
    assertEquals("o***@e***", response.codeDeliveryDetailsList().get(0).destination());
    assertEquals("olga.new@example.com", lastVerificationCode(COGNATE, waiting, olga).destination());
    Map<String, String> own = attributes(COGNITO.getUser(r -> r.accessToken(token)).userAttributes());
    assertEquals(olga + "@example.com", own.get("email"), "the old e-mail stays in force");
    assertEquals("true", own.get("email_verified"));

    String code = lastVerificationCode(COGNATE, waiting, olga).code();
    COGNITO.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(code));
    Map<String, String> after = adminAttributes(waiting, olga);
    assertEquals("olga.new@example.com", after.get("email"));
    assertEquals("true", after.get("email_verified"));
  }

  @Test
  void anAdministratorVouchingForAWaitingValueAppliesIt() {
    Pool waiting =
        schemaPool(
            COGNITO,
            b -> b.userAttributeUpdateSettings(
                s -> s.attributesRequireVerificationBeforeUpdate(VerifiedAttributeType.EMAIL)),
            c -> {});
    String pete = newUser(waiting);
    adminUpdate(waiting, pete, attr("email", "pete.new@example.com"));
    assertEquals(pete + "@example.com", adminAttributes(waiting, pete).get("email"));
    adminUpdate(waiting, pete, attr("email_verified", "true"));
    Map<String, String> after = adminAttributes(waiting, pete);
    assertEquals("pete.new@example.com", after.get("email"));
    assertEquals("true", after.get("email_verified"));
  }

  // ---- AdminDeleteUserAttributes, DeleteUserAttributes ----

  @Test
  void requiredAttributesCannotBeDeleted() {
    String quinn = newUser(pool);
    assertInvalidParameter(
        "Attributes did not conform to the schema: email: The attribute is required",
        () -> COGNITO.adminDeleteUserAttributes(
            r -> r.userPoolId(pool.poolId()).username(quinn).userAttributeNames("email")));
    assertInvalidParameter(
        "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.",
        () -> COGNITO.adminDeleteUserAttributes(
            r -> r.userPoolId(pool.poolId()).username(quinn).userAttributeNames("custom:nope")));
    assertInvalidParameter(
        "user.custom:fixed: Attribute cannot be updated.",
        () -> COGNITO.adminDeleteUserAttributes(
            r -> r.userPoolId(pool.poolId()).username(quinn).userAttributeNames("custom:fixed")));
    assertEquals(quinn + "@example.com", adminAttributes(pool, quinn).get("email"));
  }

  @Test
  void deletingAnEmailTakesItsVerifiedFlagAlong() {
    Pool optional = Pools.pool(
        COGNITO,
        b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
            .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(6).requireUppercase(false)
                .requireLowercase(false).requireNumbers(false).requireSymbols(false))),
        c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH));
    String rosa = newUser(optional);
    assertEquals("true", adminAttributes(optional, rosa).get("email_verified"));
    COGNITO.adminDeleteUserAttributes(
        r -> r.userPoolId(optional.poolId()).username(rosa).userAttributeNames("email"));
    Map<String, String> stored = adminAttributes(optional, rosa);
    assertFalse(stored.containsKey("email"));
    assertFalse(stored.containsKey("email_verified"));
  }

  @Test
  void aUserDeletesTheirOwnAttributes() {
    String sam = newUser(pool);
    adminUpdate(pool, sam, attr("name", "Sam"), attr("custom:level", "2"));
    String token = accessToken(pool, sam);
    COGNITO.deleteUserAttributes(r -> r.accessToken(token).userAttributeNames("name", "custom:level"));
    Map<String, String> stored = adminAttributes(pool, sam);
    assertFalse(stored.containsKey("name"));
    assertFalse(stored.containsKey("custom:level"));
    assertCognitoError(
        NotAuthorizedException.class,
        UNAUTHORIZED_WRITE,
        () -> COGNITO.deleteUserAttributes(r -> r.accessToken(token).userAttributeNames("dev:custom:secret")));
  }

  // ---- ReadAttributes / WriteAttributes ----

  @Test
  void aClientReadsAndWritesOnlyWhatItNames() throws Exception {
    Pool limited =
        schemaPool(
            COGNITO,
            b -> {},
            c -> c.readAttributes("email", "custom:level").writeAttributes("email", "name", "custom:level"));
    String tara = newUser(limited);
    adminUpdate(limited, tara, attr("name", "Tara"), attr("custom:level", "4"), attr("custom:team", "red"));
    var tokens = signIn(COGNITO, limited.clientId(), tara, APP_PASSWORD);
    Map<String, String> own = attributes(COGNITO.getUser(r -> r.accessToken(tokens.accessToken())).userAttributes());
    assertEquals(List.of("custom:level", "email", "email_verified", "sub"), own.keySet().stream().sorted().toList());
    Map<String, Object> claims = SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getClaims();
    assertEquals("4", claims.get("custom:level"));
    assertEquals(true, claims.get("email_verified"));
    assertFalse(claims.containsKey("name"), "name is not readable through this client");
    assertFalse(claims.containsKey("custom:team"));

    COGNITO.updateUserAttributes(r -> r.accessToken(tokens.accessToken()).userAttributes(attr("name", "T.")));
    assertEquals("T.", adminAttributes(limited, tara).get("name"));
    assertCognitoError(
        NotAuthorizedException.class,
        UNAUTHORIZED_WRITE,
        () -> COGNITO.updateUserAttributes(
            r -> r.accessToken(tokens.accessToken()).userAttributes(attr("custom:team", "blue"))));
    assertCognitoError(
        NotAuthorizedException.class,
        UNAUTHORIZED_WRITE,
        () -> signUp(COGNITO, limited.clientId(), "uma", APP_PASSWORD, attr("email", "uma@example.com"),
            attr("custom:team", "x")));
  }

  @Test
  void aClientNamingNoAttributesReadsAndWritesAllButDeveloperOnlyOnes() throws Exception {
    String vera = newUser(pool);
    adminUpdate(pool, vera, attr("custom:team", "green"), attr("dev:custom:secret", "hidden"));
    var tokens = signIn(COGNITO, pool.clientId(), vera, APP_PASSWORD);
    Map<String, Object> claims = SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getClaims();
    assertEquals("green", claims.get("custom:team"));
    assertNull(claims.get("dev:custom:secret"));
    COGNITO.updateUserAttributes(
        r -> r.accessToken(tokens.accessToken()).userAttributes(attr("custom:team", "gold")));
    assertEquals("gold", adminAttributes(pool, vera).get("custom:team"));
  }

  // ---- sign-in names kept unique ----

  @Test
  void aTakenEmailIsRefusedWhereEmailsAreUsernames() {
    Pool emails = Pools.pool(
        COGNITO,
        b -> b.usernameAttributes(UsernameAttributeType.EMAIL)
            .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(6).requireUppercase(false)
                .requireLowercase(false).requireNumbers(false).requireSymbols(false))),
        c -> c.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH));
    signUp(COGNITO, emails.clientId(), "will@example.com", APP_PASSWORD);
    signUp(COGNITO, emails.clientId(), "xena@example.com", APP_PASSWORD);
    confirm(emails, "will@example.com");
    confirm(emails, "xena@example.com");
    assertCognitoError(
        AliasExistsException.class,
        "An account with the given email already exists.",
        () -> adminUpdate(emails, "xena@example.com", attr("email", "will@example.com")));

    adminUpdate(emails, "xena@example.com", attr("email", "xena.new@example.com"));
    assertEquals(
        "xena.new@example.com", adminAttributes(emails, "xena.new@example.com").get("email"),
        "the new e-mail is the sign-in name");
    signIn(COGNITO, emails.clientId(), "xena.new@example.com", APP_PASSWORD);
    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> COGNITO.adminGetUser(r -> r.userPoolId(emails.poolId()).username("xena@example.com")));
    // The old address is free for someone else.
    signUp(COGNITO, emails.clientId(), "xena@example.com", APP_PASSWORD);
  }

  @Test
  void twoUsersTakingTheSameEmailAtOnceOneWins() throws Exception {
    Pool emails = Pools.pool(
        COGNITO,
        b -> b.usernameAttributes(UsernameAttributeType.EMAIL)
            .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(6).requireUppercase(false)
                .requireLowercase(false).requireNumbers(false).requireSymbols(false))),
        c -> {});
    int users = 6;
    for (int i = 0; i < users; i++) {
      signUp(COGNITO, emails.clientId(), "racer" + i + "@example.com", APP_PASSWORD);
    }
    List<Outcome> outcomes =
        Race.run(
            users,
            users,
            i -> {
              adminUpdate(emails, "racer" + i + "@example.com", attr("email", "prize@example.com"));
              return "racer" + i;
            });
    System.out.println(users + " users changing to one e-mail at once: " + outcomes);
    assertEquals(1, outcomes.stream().filter(Outcome::ok).count(), outcomes::toString);
    assertTrue(outcomes.stream().filter(o -> !o.ok()).allMatch(o -> o.is("AliasExistsException")), outcomes::toString);
    String winner = outcomes.stream().filter(Outcome::ok).findFirst().orElseThrow().value();
    Map<String, String> prize = adminAttributes(emails, "prize@example.com");
    assertEquals("prize@example.com", prize.get("email"));
    assertNotEquals(null, prize.get("sub"));
    assertCognitoError(
        UserNotFoundException.class,
        "User does not exist.",
        () -> COGNITO.adminGetUser(r -> r.userPoolId(emails.poolId()).username(winner + "@example.com")));
  }

  @Test
  void aVerifiedAliasIsUniqueWhereEmailsAreAliases() {
    Pool aliases =
        Pools.pool(
            COGNITO,
            b -> b.aliasAttributes(AliasAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(6).requireUppercase(false)
                    .requireLowercase(false).requireNumbers(false).requireSymbols(false))),
            c -> {});
    signUpConfirmed(COGNITO, COGNATE, aliases, "yara", APP_PASSWORD, attr("email", "shared@example.com"));
    signUpConfirmed(COGNITO, COGNATE, aliases, "zack", APP_PASSWORD, attr("email", "zack@example.com"));
    // An unverified address is no alias yet, so another user may hold it unverified.
    adminUpdate(aliases, "zack", attr("email", "shared@example.com"));
    assertEquals("false", adminAttributes(aliases, "zack").get("email_verified"));
    assertCognitoError(
        AliasExistsException.class,
        "An account with the given email already exists.",
        () -> adminUpdate(aliases, "zack", attr("email_verified", "true")));
    assertEquals("false", adminAttributes(aliases, "zack").get("email_verified"));
  }

  @Test
  void aTakenPhoneNumberIsRefusedWherePhoneNumbersAreUsernames() {
    Pool phones = Pools.pool(
        COGNITO,
        b -> b.usernameAttributes(UsernameAttributeType.PHONE_NUMBER)
            .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(6).requireUppercase(false)
                .requireLowercase(false).requireNumbers(false).requireSymbols(false))),
        c -> {});
    signUp(COGNITO, phones.clientId(), "+15550000001", APP_PASSWORD);
    signUp(COGNITO, phones.clientId(), "+15550000002", APP_PASSWORD);
    assertCognitoError(
        AliasExistsException.class,
        "An account with the given phone_number already exists.",
        () -> adminUpdate(phones, "+15550000002", attr("phone_number", "+15550000001")));
    adminUpdate(phones, "+15550000002", attr("phone_number", "+15550000003"));
    Map<String, String> moved = adminAttributes(phones, "+15550000003");
    assertEquals("+15550000003", moved.get("phone_number"));
    assertEquals("false", moved.get("phone_number_verified"));
  }

  private static void confirm(Pool target, String username) {
    COGNITO.adminConfirmSignUp(r -> r.userPoolId(target.poolId()).username(username));
  }

  private static String otherThan(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }
}
