package dev.cognate.service;

import dev.cognate.domain.AppClient;
import dev.cognate.domain.CodeDestination;
import dev.cognate.domain.CodePurpose;
import dev.cognate.domain.SchemaAttribute;
import dev.cognate.domain.User;
import dev.cognate.domain.User.PendingCode;
import dev.cognate.domain.UserPool;
import dev.cognate.error.CognitoException;
import dev.cognate.service.CodeSender.PreparedCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Changes, deletes and verifies the attributes of existing users, written by an administrator or by the user
 * through an app client. A new e-mail address or phone number loses its verification and, where the pool
 * auto-verifies it, gets a code; where the pool verifies before updating, the old value stays in force and the new
 * one waits beside its code until verified.
 */
public final class UserAttributes {
  private static final List<String> VERIFIABLE = List.of("email", "phone_number");

  private final Users users;
  private final CodeSender codes;
  private final CodeCheck codeCheck;
  private final Clock clock;

  public UserAttributes(Users users, CodeSender codes, CodeCheck codeCheck, Clock clock) {
    this.users = users;
    this.codes = codes;
    this.codeCheck = codeCheck;
    this.clock = clock;
  }

  /** Who writes: an administrator may write every attribute but {@code sub}; a client what it is allowed to. */
  public record Writer(Predicate<String> allowed) {
    public static final Writer ADMINISTRATOR = new Writer(name -> true);

    public static Writer through(AppClient client) {
      return new Writer(client::canWrite);
    }
  }

  /**
   * Sets the attributes sent (an empty value deletes one) and returns where verification codes went. Every value
   * is checked before anything is written, so a refused request changes nothing.
   */
  public List<CodeDestination> update(
      UserPool pool, User user, List<AttributeRules.Input> inputs, Writer writer) {
    Map<String, String> requested = new LinkedHashMap<>();
    for (AttributeRules.Input input : inputs) {
      SchemaAttribute schema = writable(pool, input.name(), writer);
      String value = input.value() == null ? "" : input.value();
      if (value.isEmpty()) {
        if (schema.required()) {
          throw AttributeRules.required(input.name());
        }
      } else {
        AttributeRules.checkValue(schema, value);
      }
      requested.put(input.name(), value);
    }
    List<PreparedCode> sent =
        users.change(
            pool,
            user,
            current -> updated(pool, current, requested),
            (changed, prepared) -> prepared.forEach(c -> codes.send(pool, changed, c, CodePurpose.VERIFY_ATTRIBUTE)));
    return sent.stream().map(PreparedCode::reported).toList();
  }

  private Users.Decision<List<PreparedCode>> updated(UserPool pool, User user, Map<String, String> requested) {
    Instant now = clock.instant();
    Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
    List<PendingCode> pending = new ArrayList<>(user.codes());
    List<PreparedCode> sent = new ArrayList<>();
    for (Map.Entry<String, String> entry : requested.entrySet()) {
      String name = entry.getKey();
      String value = entry.getValue();
      if (isVerifiedFlag(name)) {
        continue;
      }
      if (value.isEmpty()) {
        attributes.remove(name);
        if (VERIFIABLE.contains(name)) {
          attributes.remove(name + "_verified");
          dropCode(pending, name);
        }
      } else if (!VERIFIABLE.contains(name)) {
        attributes.put(name, value);
      } else if (value.equals(attributes.get(name))) {
        // Back to the value in force: a change waiting for verification is withdrawn.
        if (codeFor(pending, name).flatMap(PendingCode::pending).isPresent()) {
          dropCode(pending, name);
        }
      } else {
        changeVerifiable(pool, name, value, "true".equals(requested.get(name + "_verified")), attributes, pending, sent);
      }
    }
    for (String flagged : VERIFIABLE) {
      String flag = flagged + "_verified";
      if (!requested.containsKey(flag)) {
        continue;
      }
      String value = requested.get(flag);
      if (value.isEmpty()) {
        attributes.remove(flag);
        continue;
      }
      Optional<String> waiting = codeFor(pending, flagged).flatMap(PendingCode::pending);
      if ("true".equals(value) && waiting.isPresent() && !requested.containsKey(flagged)) {
        // An administrator vouching for a change that waits for verification makes it take effect.
        attributes.put(flagged, waiting.get());
        dropCode(pending, flagged);
      }
      attributes.put(flag, value);
    }
    User changed = user.withAttributes(attributes, now).withCodes(pending, now);
    return new Users.Decision<>(changed, sent);
  }

  private void changeVerifiable(
      UserPool pool,
      String name,
      String value,
      boolean vouchedFor,
      Map<String, String> attributes,
      List<PendingCode> pending,
      List<PreparedCode> sent) {
    boolean autoVerified = pool.autoVerifiedAttributes().contains(name);
    dropCode(pending, name);
    if (vouchedFor) {
      attributes.put(name, value);
      return;
    }
    if (autoVerified && pool.verifiesBeforeUpdate(name) && attributes.containsKey(name)) {
      PreparedCode code = codes.prepareVerificationCode(name, value);
      pending.add(code.pending(CodePurpose.VERIFY_ATTRIBUTE).withPendingValue(value));
      sent.add(code);
      return;
    }
    attributes.put(name, value);
    attributes.put(name + "_verified", "false");
    if (autoVerified) {
      PreparedCode code = codes.prepareVerificationCode(name, value);
      pending.add(code.pending(CodePurpose.VERIFY_ATTRIBUTE));
      sent.add(code);
    }
  }

  /**
   * Deletes the named attributes; an e-mail address or phone number takes its verified flag and any code for it
   * along. Required and immutable attributes stay.
   */
  public void delete(UserPool pool, User user, List<String> names, Writer writer) {
    for (String name : names) {
      if (writable(pool, name, writer).required()) {
        throw AttributeRules.required(name);
      }
    }
    users.change(
        pool,
        user,
        current -> {
          Instant now = clock.instant();
          Map<String, String> attributes = new LinkedHashMap<>(current.attributes());
          List<PendingCode> pending = new ArrayList<>(current.codes());
          for (String name : names) {
            attributes.remove(name);
            if (VERIFIABLE.contains(name)) {
              attributes.remove(name + "_verified");
              dropCode(pending, name);
            }
          }
          return new Users.Decision<>(current.withAttributes(attributes, now).withCodes(pending, now), null);
        },
        (changed, none) -> {});
  }

  /**
   * Sends a code for an e-mail address or phone number: to the new value where one waits for verification, else to
   * the value in force. A new code replaces the previous one.
   */
  public CodeDestination sendCode(UserPool pool, User user, String attribute) {
    requireVerifiable(attribute);
    PreparedCode sent =
        users.change(
            user,
            current -> {
              Optional<String> waiting = current.code(CodePurpose.VERIFY_ATTRIBUTE, attribute)
                  .flatMap(PendingCode::pending);
              String destination =
                  waiting.or(() -> current.attribute(attribute)).orElseThrow(() -> noRegisteredValue(attribute));
              PreparedCode code = codes.prepareVerificationCode(attribute, destination);
              PendingCode kept = code.pending(CodePurpose.VERIFY_ATTRIBUTE).withPendingValue(waiting.orElse(""));
              return new Users.Decision<>(current.withCode(kept, clock.instant()), code);
            },
            (changed, code) -> codes.send(pool, changed, code, CodePurpose.VERIFY_ATTRIBUTE));
    return sent.reported();
  }

  /**
   * Checks the code typed for an attribute and, when it is the one sent, marks the attribute verified (taking on
   * the value that waited for verification, if any). A code is consumed once: a second use finds none.
   */
  public void verify(UserPool pool, User user, String attribute, String typed) {
    requireVerifiable(attribute);
    codeCheck.use(
        pool,
        user,
        CodePurpose.VERIFY_ATTRIBUTE,
        attribute,
        typed,
        current -> {
          if (current.code(CodePurpose.VERIFY_ATTRIBUTE, attribute).isEmpty()
              && current.attribute(attribute).isEmpty()) {
            throw CognitoException.invalidParameter(
                "Unable to verify attribute: " + attribute + " no value set to verify");
          }
        },
        (current, used) -> {
          Instant now = clock.instant();
          User verified = current;
          if (used.pending().isPresent()) {
            verified = verified.withAttribute(attribute, used.pending().get(), now);
          }
          return verified.withAttribute(attribute + "_verified", "true", now);
        });
  }

  /** The schema entry of an attribute the writer may change after the user was created. */
  private static SchemaAttribute writable(UserPool pool, String name, Writer writer) {
    SchemaAttribute schema = AttributeRules.schemaOf(pool, name).orElseThrow(() -> AttributeRules.notInSchema(name));
    if (!writer.allowed().test(name)) {
      throw AttributeRules.unauthorizedWrite();
    }
    if (!schema.mutable()) {
      throw AttributeRules.immutable(name);
    }
    return schema;
  }

  private static void requireVerifiable(String attribute) {
    if (!VERIFIABLE.contains(attribute)) {
      throw CognitoException.invalidParameter("Invalid attribute name. Only phone_number and email can be verified.");
    }
  }

  private static CognitoException noRegisteredValue(String attribute) {
    String what = attribute.equals("email") ? "email" : "phone number";
    return CognitoException.invalidParameter("User does not have a valid registered " + what);
  }

  private static boolean isVerifiedFlag(String name) {
    return name.equals("email_verified") || name.equals("phone_number_verified");
  }

  private static Optional<PendingCode> codeFor(List<PendingCode> pending, String attribute) {
    return pending.stream()
        .filter(c -> c.purpose() == CodePurpose.VERIFY_ATTRIBUTE && c.attribute().equals(attribute))
        .findFirst();
  }

  private static void dropCode(List<PendingCode> pending, String attribute) {
    pending.removeIf(c -> c.purpose() == CodePurpose.VERIFY_ATTRIBUTE && c.attribute().equals(attribute));
  }
}
