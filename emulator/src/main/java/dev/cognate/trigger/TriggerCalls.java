package dev.cognate.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Trigger;
import dev.cognate.TriggerKind;
import dev.cognate.Triggers;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a pool's trigger with the event Cognito would send its Lambda function, and reads the {@code response} back.
 * The event is a fresh copy at each call, so nothing a trigger keeps or changes reaches the emulator's state.
 */
public final class TriggerCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  // What a Lambda event names as the SDK of a caller Cognito does not know.
  private static final String UNKNOWN_SDK = "aws-sdk-unknown-unknown";

  private final Triggers triggers;

  public TriggerCalls(Triggers triggers) {
    this.triggers = triggers;
  }

  /** Who the trigger runs for: the pool, the client the request came through (absent for admin calls), the user. */
  public record Caller(String userPoolId, String clientId, String userName) {}

  public boolean has(String userPoolId, TriggerKind kind) {
    return triggers.find(userPoolId, kind).isPresent();
  }

  /**
   * The trigger's {@code response}, or empty when the pool has no trigger of this kind. A trigger that throws, or
   * whose assertion fails, refuses the operation as Cognito does: {@code UserLambdaValidationException}
   * {@code <Trigger> failed with error <message>.}
   */
  public Optional<Map<String, Object>> call(
      TriggerKind kind, String triggerSource, Caller caller, Map<String, Object> request) {
    Optional<Trigger> trigger = triggers.find(caller.userPoolId(), kind);
    if (trigger.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> event = event(triggerSource, caller, request);
    Map<String, Object> returned;
    try {
      returned = trigger.get().handle(event);
    } catch (CognitoException e) {
      throw e;
    } catch (HttpTrigger.InvalidResponse e) {
      throw unrecognizable();
    } catch (Exception e) {
      throw failed(kind, e);
    } catch (Error e) {
      // A Java trigger's failed assertion, missing class or endless recursion is its Lambda failing, as any exception
      // of it is; the JVM itself running out (of memory, say) is not the trigger's to answer for.
      if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
        throw e;
      }
      throw failed(kind, e);
    }
    Object response = (returned == null ? event : returned).get("response");
    if (response == null) {
      return Optional.of(Map.of());
    }
    if (!(response instanceof Map<?, ?> map)) {
      throw unrecognizable();
    }
    return Optional.of(copy(map));
  }

  private static CognitoException failed(TriggerKind kind, Throwable failure) {
    return new CognitoException(
        CognitoErrorType.USER_LAMBDA_VALIDATION,
        kind.lambdaConfigName() + " failed with error " + failure.getMessage() + ".");
  }

  public static CognitoException unrecognizable() {
    return new CognitoException(CognitoErrorType.INVALID_LAMBDA_RESPONSE, "Unrecognizable lambda output");
  }

  private static Map<String, Object> event(String triggerSource, Caller caller, Map<String, Object> request) {
    Map<String, Object> callerContext = new LinkedHashMap<>();
    callerContext.put("awsSdkVersion", UNKNOWN_SDK);
    callerContext.put("clientId", caller.clientId() == null ? "CLIENT_ID_NOT_APPLICABLE" : caller.clientId());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "1");
    event.put("triggerSource", triggerSource);
    // A pool id starts with its region: us-east-1_AbC.
    event.put("region", caller.userPoolId().substring(0, caller.userPoolId().indexOf('_')));
    event.put("userPoolId", caller.userPoolId());
    event.put("userName", caller.userName());
    event.put("callerContext", callerContext);
    event.put("request", copy(request));
    event.put("response", new LinkedHashMap<String, Object>());
    return event;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<?, ?> tree) {
    // A round trip through JSON gives plain, mutable maps and lists, and refuses what JSON cannot carry.
    try {
      return JSON.readValue(JSON.writeValueAsBytes(tree), LinkedHashMap.class);
    } catch (java.io.IOException e) {
      throw unrecognizable();
    }
  }

  /** A boolean of a response; anything but {@code true} is false, as for a Lambda function's JSON. */
  public static boolean flag(Map<String, Object> response, String name) {
    return Boolean.TRUE.equals(response.get(name));
  }

  /** A map of strings in a response ({@code publicChallengeParameters}), empty when absent. */
  public static Map<String, String> strings(Map<String, Object> response, String name) {
    Object value = response.get(name);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw unrecognizable();
    }
    Map<String, String> strings = new LinkedHashMap<>();
    map.forEach((k, v) -> strings.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    return strings;
  }

  /** A list of strings in a response ({@code claimsToSuppress}), empty when absent. */
  public static List<String> list(Map<String, Object> response, String name) {
    Object value = response.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw unrecognizable();
    }
    return items.stream().map(String::valueOf).toList();
  }

  /** A nested object of a response ({@code claimsOverrideDetails}), empty when absent. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Map<String, Object> response, String name) {
    Object value = response.get(name);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?>)) {
      throw unrecognizable();
    }
    return (Map<String, Object>) value;
  }
}
