package dev.cognate.protocol;

import dev.cognate.CognateConfig;
import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import dev.cognate.operation.Operation;
import dev.cognate.operation.OperationRegistry;
import dev.cognate.operation.RequestContext;
import dev.cognate.operation.ServiceModelOperations;
import dev.cognate.validation.ModelValidator;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/** {@code POST /}: routes on {@code X-Amz-Target}, binds and validates the body, runs the operation. */
final class AwsJsonEndpoint {
  static final String OPERATION_ATTRIBUTE = "cognate.operation";
  static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

  private final OperationRegistry registry;
  private final AwsJson json;
  private final Optional<String> configuredIssuer;
  private final SigV4Authenticator authenticator;

  AwsJsonEndpoint(OperationRegistry registry, AwsJson json, CognateConfig config) {
    this.registry = registry;
    this.json = json;
    this.configuredIssuer = config.issuer();
    this.authenticator = new SigV4Authenticator(config);
  }

  void handle(Context ctx) throws IOException {
    Operation<?, ?> operation = operationOf(ctx, ctx.header("X-Amz-Target"));
    byte[] body = readBody(ctx);
    SigV4Authenticator.Caller caller = authenticator.authenticate(operation.name(), ctx, body);
    Object response = run(operation, body, new RequestContext(issuerBase(ctx), caller.region(), caller.accountId()));
    ctx.status(200).contentType(AwsErrors.CONTENT_TYPE).result(json.write(response));
  }

  private <Q extends Record, R> R run(Operation<Q, R> operation, byte[] body, RequestContext context) {
    Q request = json.read(body, operation.requestType());
    ModelValidator.validate(request);
    return OperationRegistry.run(operation, request, context);
  }

  /**
   * The operation a target names, noted on the request for its log line. A Cognito operation Cognate lacks is told
   * apart from a misspelt one, which AWS answers UnknownOperationException.
   */
  private Operation<?, ?> operationOf(Context ctx, String target) {
    if (target == null || target.isBlank()) {
      throw new CognitoException(
          CognitoErrorType.UNKNOWN_OPERATION,
          "Missing X-Amz-Target header: expected " + TARGET_PREFIX + "<Operation>.");
    }
    if (!target.startsWith(TARGET_PREFIX)) {
      throw new CognitoException(CognitoErrorType.UNKNOWN_OPERATION, "Unknown operation " + target);
    }
    String name = target.substring(TARGET_PREFIX.length());
    Optional<Operation<?, ?>> operation = registry.find(name);
    if (operation.isPresent()) {
      ctx.attribute(OPERATION_ATTRIBUTE, name);
      return operation.get();
    }
    if (ServiceModelOperations.contains(name)) {
      ctx.attribute(OPERATION_ATTRIBUTE, name);
      throw new CognitoException(
          CognitoErrorType.UNSUPPORTED_OPERATION, name + " is a Cognito operation that Cognate does not emulate yet.");
    }
    throw new CognitoException(CognitoErrorType.UNKNOWN_OPERATION, "Unknown operation " + name);
  }

  /** {@link BufferedBodyHandler} has read the body in full already: this never waits on the client. */
  private static byte[] readBody(Context ctx) throws IOException {
    return ctx.req().getInputStream().readAllBytes();
  }

  private String issuerBase(Context ctx) {
    return configuredIssuer.orElseGet(() -> baseUrl(ctx));
  }

  /** The URL the client used: its scheme and Host header, so mapped and random ports give reachable issuers. */
  static String baseUrl(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || !host.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?")) {
      host = ctx.req().getLocalAddr() + ":" + ctx.req().getLocalPort();
    }
    return ctx.scheme() + "://" + host;
  }
}
