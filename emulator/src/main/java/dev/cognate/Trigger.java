package dev.cognate;

import java.util.Map;

/**
 * A Cognito Lambda trigger run in-process. It receives the event as Cognito sends it to Lambda, as a JSON tree of
 * maps, lists, strings, numbers and booleans ({@code version}, {@code triggerSource}, {@code region},
 * {@code userPoolId}, {@code userName}, {@code callerContext}, {@code request}, {@code response}), and returns the
 * event with its {@code response} filled in, as a Lambda handler does; returning {@code null} means the event
 * passed in was changed in place. So a handler written as {@code RequestHandler<Map<String, Object>, Map<String,
 * Object>>} is registered as {@code handler::handleRequest}-style glue of one line. An exception refuses the
 * operation with {@code UserLambdaValidationException}, as a failing Lambda function does.
 */
@FunctionalInterface
public interface Trigger {
  Map<String, Object> handle(Map<String, Object> event) throws Exception;
}
