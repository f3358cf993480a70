package dev.cognate.operation;

/**
 * One Cognito operation: its wire name, the record its JSON body binds to, and what it does. Requests are checked
 * against the model constraints declared on the request record before {@link #handle} runs.
 */
public interface Operation<Q extends Record, R> {

  /** The name after {@code AWSCognitoIdentityProviderService.} in {@code X-Amz-Target}. */
  String name();

  Class<Q> requestType();

  R handle(Q request, RequestContext context);
}
