package dev.cognate.protocol;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place a failure becomes AWS's JSON error envelope. Nothing else writes an error response. */
public final class AwsErrors {
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  static final String ERROR_CODE_ATTRIBUTE = "cognate.errorCode";
  private static final Logger LOG = LoggerFactory.getLogger(AwsErrors.class);

  private final AwsJson json;

  AwsErrors(AwsJson json) {
    this.json = json;
  }

  void write(Context ctx, CognitoException error) {
    CognitoErrorType type = error.type();
    Map<String, String> body = new LinkedHashMap<>();
    body.put("__type", type.code());
    body.put("message", error.getMessage());
    ctx.attribute(ERROR_CODE_ATTRIBUTE, type.code());
    ctx.status(type.status())
        .contentType(CONTENT_TYPE)
        .header("x-amzn-ErrorType", type.code() + ":")
        .result(json.write(body));
  }

  /** An unexpected failure: logged in full here, answered without any detail. */
  void writeUnexpected(Context ctx, Exception failure) {
    LOG.error("Unexpected failure answering {}", ctx.attribute(AwsJsonEndpoint.OPERATION_ATTRIBUTE), failure);
    write(ctx, new CognitoException(CognitoErrorType.INTERNAL_ERROR, "An internal error occurred."));
  }
}
