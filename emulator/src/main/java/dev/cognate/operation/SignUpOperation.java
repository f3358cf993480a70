package dev.cognate.operation;

import dev.cognate.domain.AppClient;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.User;
import dev.cognate.domain.UserPool;
import dev.cognate.domain.UserStatus;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.wire.AttributeType;
import dev.cognate.operation.wire.CodeDeliveryDetailsType;
import dev.cognate.operation.wire.Shapes;
import dev.cognate.service.AttributeRules;
import dev.cognate.service.CodeSender;
import dev.cognate.service.Directory;
import dev.cognate.service.Directory.ClientInPool;
import dev.cognate.service.NewUsers;
import dev.cognate.service.Passwords;
import dev.cognate.service.SecretHash;
import dev.cognate.service.SignUpTriggers;
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
import java.util.function.Predicate;

/** SignUp: creates an UNCONFIRMED user and sends a confirmation code when the pool auto-verifies an attribute. */
public final class SignUpOperation implements Operation<SignUpOperation.SignUpRequest, SignUpOperation.SignUpResponse> {

  private final Directory directory;
  private final NewUsers newUsers;
  private final Passwords passwords;
  private final CodeSender codes;
  private final Clock clock;
  private final SignUpTriggers triggers;

  public SignUpOperation(
      Directory directory,
      NewUsers newUsers,
      Passwords passwords,
      CodeSender codes,
      Clock clock,
      SignUpTriggers triggers) {
    this.directory = directory;
    this.newUsers = newUsers;
    this.passwords = passwords;
    this.codes = codes;
    this.clock = clock;
    this.triggers = triggers;
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
    List<AttributeRules.Input> inputs = new ArrayList<>();
    if (request.UserAttributes() != null) {
      request.UserAttributes().forEach(a -> inputs.add(new AttributeRules.Input(a.Name(), a.Value())));
    }
    NewUsers.Identity identity = newUsers.identity(pool, request.Username(), inputs);
    Passwords.requireConforming(pool.passwordPolicy(), request.Password());
    Map<String, String> attributes =
        new LinkedHashMap<>(
            AttributeRules.forNewUser(
                pool, identity.attributes(), writableAtSignUp(target.client(), identity.signInAttribute())));
    if (attributes.containsKey("email")) {
      attributes.putIfAbsent("email_verified", "false");
    }
    if (attributes.containsKey("phone_number")) {
      attributes.putIfAbsent("phone_number_verified", "false");
    }
    SignUpTriggers.PreSignUp preSignUp =
        triggers.preSignUp(
            pool,
            target.client().clientId(),
            identity.username(),
            attributes,
            validationData(request.ValidationData()),
            request.ClientMetadata());
    if (preSignUp.autoVerifyEmail() && attributes.containsKey("email")) {
      attributes.put("email_verified", "true");
    }
    if (preSignUp.autoVerifyPhone() && attributes.containsKey("phone_number")) {
      attributes.put("phone_number_verified", "true");
    }
    boolean confirmed = preSignUp.autoConfirmUser();
    Instant now = clock.instant();
    User user =
        identity.user(
            pool,
            confirmed ? UserStatus.CONFIRMED : UserStatus.UNCONFIRMED,
            passwords.hash(request.Password()),
            passwords.verifier(pool.id(), identity.username(), request.Password()),
            attributes,
            now);
    // A user Pre sign-up confirmed needs no code.
    Optional<CodeSender.PreparedCode> code = confirmed ? Optional.empty() : codes.prepareSignUpCode(pool, user);
    if (code.isPresent()) {
      user = user.withCode(code.get().pending(CodePurpose.SIGN_UP), now);
    }
    User stored = user;
    // The user and the code sent to them are stored together or not at all.
    newUsers.insert(
        pool, stored, "User already exists", () -> code.ifPresent(c -> codes.send(pool, stored, c, CodePurpose.SIGN_UP)));
    if (confirmed) {
      triggers.postConfirmation(pool, target.client().clientId(), stored);
    }
    return new SignUpResponse(
        confirmed, code.map(c -> CodeDeliveryDetailsType.of(c.reported())).orElse(null), identity.sub(), null);
  }

  private static Map<String, String> validationData(List<AttributeType> given) {
    if (given == null) {
      return null;
    }
    Map<String, String> data = new LinkedHashMap<>();
    given.forEach(a -> data.put(a.Name(), a.Value()));
    return data;
  }

  /** What a client may send at sign-up: what it may write, and the attribute that is the username in any case. */
  private static Predicate<String> writableAtSignUp(AppClient client, Optional<String> signInAttribute) {
    return name -> client.canWrite(name) || signInAttribute.filter(name::equals).isPresent();
  }
}
