package dev.cognate.provision;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.Operation;
import dev.cognate.operation.OperationRegistry;
import dev.cognate.operation.RequestContext;
import dev.cognate.protocol.AwsJson;
import dev.cognate.validation.ModelValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs the emulator's own operations from provisioning, on the path a request over HTTP takes without the HTTP: the
 * body is written as JSON, bound and validated as the wire's would be, then run; the answer comes back as plain
 * maps. So every rule and default of an operation applies to what a template asks for.
 */
final class Calls {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private final OperationRegistry registry;
  private final RequestContext context;
  private final AwsJson json = new AwsJson();

  Calls(OperationRegistry registry, RequestContext context) {
    this.registry = registry;
    this.context = context;
  }

  RequestContext context() {
    return context;
  }

  Map<String, Object> call(String operation, Map<String, Object> body) {
    return call(operation(operation), body);
  }

  /** One structure of the answer, such as {@code UserPool} of DescribeUserPool; empty when absent. */
  Map<String, Object> member(String operation, Map<String, Object> body, String member) {
    return TemplateParser.map(call(operation, body).get(member));
  }

  /** One list of the answer, such as {@code Groups} of AdminListGroupsForUser; empty when absent. */
  List<?> list(String operation, Map<String, Object> body, String member) {
    return call(operation, body).get(member) instanceof List<?> list ? list : List.of();
  }

  /** Whether a Describe/Get call finds what it names: ResourceNotFoundException means not. */
  boolean exists(String operation, Map<String, Object> body) {
    try {
      call(operation, body);
      return true;
    } catch (CognitoException e) {
      if (e.type() == CognitoErrorType.RESOURCE_NOT_FOUND || e.type() == CognitoErrorType.USER_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Runs a Create call; false when it is refused with {@code exists}, because what it creates was made meanwhile (by
   * a client during a reset). The database's unique key decides, not a look-up before.
   */
  boolean created(String operation, Map<String, Object> body, CognitoErrorType exists) {
    try {
      call(operation, body);
      return true;
    } catch (CognitoException e) {
      if (e.type() == exists) {
        return false;
      }
      throw e;
    }
  }

  /** The registered operation of this class, for one of its non-wire entry points such as a chosen id. */
  <T extends Operation<?, ?>> T operation(String name, Class<T> type) {
    return type.cast(operation(name));
  }

  private <Q extends Record, R> Map<String, Object> call(Operation<Q, R> operation, Map<String, Object> body) {
    return call(operation, body, operation::handle);
  }

  /** Binds and validates {@code body} as the operation's request, then runs {@code how} through the registry. */
  <Q extends Record, R> Map<String, Object> call(
      Operation<Q, R> operation, Map<String, Object> body, BiFunction<Q, RequestContext, R> how) {
    Q request = json.read(json.write(Coercion.coerce(body, operation.requestType())), operation.requestType());
    ModelValidator.validate(request);
    R response = OperationRegistry.run(new Bound<>(operation, how), request, context);
    try {
      return PLAIN.readValue(json.write(response), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Operation<?, ?> operation(String name) {
    return registry
        .find(name)
        .orElseThrow(() -> new IllegalStateException("operation " + name + " is not registered"));
  }

  /** An operation run through another of its entry points, so the registry's retries still apply. */
  private record Bound<Q extends Record, R>(Operation<Q, R> operation, BiFunction<Q, RequestContext, R> how)
      implements Operation<Q, R> {
    @Override
    public String name() {
      return operation.name();
    }

    @Override
    public Class<Q> requestType() {
      return operation.requestType();
    }

    @Override
    public R handle(Q request, RequestContext context) {
      return how.apply(request, context);
    }
  }
}
