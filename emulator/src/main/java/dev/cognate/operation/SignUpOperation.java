package dev.cognate.operation;

import dev.cognate.domain.AppClient;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.AttributeType;
import dev.cognate.operation.wire.CodeDeliveryDetailsType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AttributeRules;
import dev.cognate.service.CodeSender;
import dev.cognate.service.Directory;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.service.Passwords;
import dev.cognate.service.SecretHash;
import dev.cognate.storage.Transactions;
import dev.cognate.storage.UserStore;
import dev.cognate.validation.Length;
import dev.cognate.validation.Pattern;
import dev.cognate.validation.Required;
import dev.cognate.validation.Sensitive;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** SignUp: creates an UNCONFIRMED user and sends a confirmation code when the pool auto-verifies an attribute. */
public final class SignUpOperation implements Operation<SignUpOperation.SignUpRequest, SignUpOperation.SignUpResponse> {

  private final Directory directory;
  private final UserStore users;
  private final Passwords passwords;
  private final CodeSender codes;
  private final Transactions transactions;
  private final Clock clock;

  public SignUpOperation(
      Directory directory,
      UserStore users,
      Passwords passwords,
      CodeSender codes,
      Transactions transactions,
      Clock clock) {
    this.directory = directory;
    this.users = users;
    this.passwords = passwords;
    this.codes = codes;
    this.transactions = transactions;
    this.clock = clock;
  }

  public record SignUpRequest(
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.CLIENT_ID) String ClientId,
      @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.SECRET_HASH) String SecretHash,
      @Required @Sensitive @Length(min = 1, max = 128) @Pattern(Shapes.USERNAME) String Username,
      @Sensitive @Length(max = 256) @Pattern(Shapes.PASSWORD) String Password,
      List<AttributeType> UserAttributes,
      List<AttributeType> ValidationData,
      Map<String, Object> AnalyticsMetadata,
      Map<String, Object> UserContextData,
      Map<String, String> ClientMetadata) {}

  public record SignUpResponse(
      Boolean UserConfirmed, CodeDeliveryDetailsType CodeDeliveryDetails, String UserSub, String Session) {}

  @Override
  public String name() {
    return "SignUp";
  }

  @Override
  public Class<SignUpRequest> requestType() {
    return SignUpRequest.class;
  }

  @Override
  public SignUpResponse handle(SignUpRequest request, RequestContext context) {
    ClientInPool target = directory.client(request.ClientId());
    UserPool pool = target.pool();
    SecretHash.verify(target.client(), request.Username(), request.SecretHash());
    if (pool.allowAdminCreateUserOnly()) {
      throw CognitoException.notAuthorized("SignUp is not permitted for this user pool");
    }
    if (request.Password() == null) {
      // Password became optional in the model for passwordless pools, which Cognate does not emulate.
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null");
    }
    String sub = UUID.randomUUID().toString();
    List<AttributeRules.Input> inputs = new ArrayList<>();
    if (request.UserAttributes() != null) {
      request.UserAttributes().forEach(a -> inputs.add(new AttributeRules.Input(a.Name(), a.Value())));
    }
    String username = request.Username();
    Optional<String> signInAttribute = signInAttribute(pool, username);
    if (signInAttribute.isPresent()) {
      inputs.removeIf(a -> a.name().equals(signInAttribute.get()));
      inputs.add(0, new AttributeRules.Input(signInAttribute.get(), username));
      username = sub;
    }
    pool.passwordPolicy()
        .firstViolation(request.Password())
        .ifPresent(
            message -> {
              throw new CognitoException(CognitoErrorType.INVALID_PASSWORD, message);
            });
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("sub", sub);
    attributes.putAll(AttributeRules.forNewUser(pool, inputs, writableAtSignUp(target.client(), signInAttribute)));
    if (attributes.containsKey("email")) {
      attributes.putIfAbsent("email_verified", "false");
    }
    if (attributes.containsKey("phone_number")) {
      attributes.putIfAbsent("phone_number_verified", "false");
    }
    // Where e-mail addresses or phone numbers are sign-in names, each is unique in the pool however it was given.
    Optional<String> aliasKey =
        pool.emailIsUsername() ? Optional.ofNullable(attributes.get("email")).map(pool::key) : Optional.empty();
    Optional<String> phoneKey =
        pool.phoneIsUsername() ? Optional.ofNullable(attributes.get("phone_number")) : Optional.empty();
    Instant now = clock.instant();
    User user =
        User.created(
            pool.id(), username, sub, UserStatus.UNCONFIRMED, passwords.hash(request.Password()), attributes, now);
    Optional<CodeSender.PreparedCode> code = codes.prepareSignUpCode(pool, user);
    if (code.isPresent()) {
      user = user.withCode(code.get().pending(CodePurpose.SIGN_UP), now);
    }
    User stored = user;
    // The user and the code sent to them are stored together or not at all.
    transactions.inOne(
        () -> {
          switch (users.insert(stored, pool.key(stored.username()), aliasKey, phoneKey)) {
            case USERNAME_TAKEN -> throw new CognitoException(CognitoErrorType.USERNAME_EXISTS, "User already exists");
            case ALIAS_TAKEN ->
                throw new CognitoException(
                    CognitoErrorType.USERNAME_EXISTS, "An account with the given email already exists.");
            case PHONE_TAKEN ->
                throw new CognitoException(
                    CognitoErrorType.USERNAME_EXISTS, "An account with the given phone_number already exists.");
            case INSERTED -> code.ifPresent(c -> codes.send(pool, stored, c, CodePurpose.SIGN_UP));
          }
          return null;
        });
    return new SignUpResponse(
        false, code.map(c -> CodeDeliveryDetailsType.of(c.reported())).orElse(null), sub, null);
  }

  /** What a client may send at sign-up: what it may write, and the attribute that is the username in any case. */
  private static Predicate<String> writableAtSignUp(AppClient client, Optional<String> signInAttribute) {
    return name -> client.canWrite(name) || signInAttribute.filter(name::equals).isPresent();
  }

  /**
   * The attribute a username is, in a pool whose usernames are generated (e-mail or phone number); empty where
   * usernames are chosen. A username that is neither of the pool's kinds is refused.
   */
  private static Optional<String> signInAttribute(UserPool pool, String username) {
    if (pool.emailIsUsername() && AttributeRules.isEmail(username)) {
      return Optional.of("email");
    }
    if (pool.phoneIsUsername() && AttributeRules.isPhoneNumber(username)) {
      return Optional.of("phone_number");
    }
    if (pool.emailIsUsername() && pool.phoneIsUsername()) {
      throw CognitoException.invalidParameter("Username should be either an email or a phone number.");
    }
    if (pool.emailIsUsername()) {
      throw CognitoException.invalidParameter("Username should be an email.");
    }
    if (pool.phoneIsUsername()) {
      throw CognitoException.invalidParameter("Username should be a phone number.");
    }
    return Optional.empty();
  }
}
