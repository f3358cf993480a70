package dev.cognate.protocol;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place a failure becomes AWS's JSON error envelope. Nothing else writes an error response. */
public final class AwsErrors {
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
  static final String ERROR_CODE_ATTRIBUTE = "cognate.errorCode";
  private static final Logger LOG = LoggerFactory.getLogger(AwsErrors.class);

  private final AwsJson json;

  AwsErrors(AwsJson json) {
    this.json = json;
  }

  void write(Context ctx, CognitoException error) {
    CognitoErrorType type = error.type();
    ctx.attribute(ERROR_CODE_ATTRIBUTE, type.code());
    ctx.status(type.status())
        .contentType(CONTENT_TYPE)
        .header(ERROR_TYPE_HEADER, type.code() + ":")
        .result(envelope(type.code(), error.getMessage()));
  }

  /** An unexpected failure: logged in full here, answered without any detail. */
  void writeUnexpected(Context ctx, Exception failure) {
    LOG.error("Unexpected failure answering {}", ctx.attribute(AwsJsonEndpoint.OPERATION_ATTRIBUTE), failure);
    write(ctx, new CognitoException(CognitoErrorType.INTERNAL_ERROR, "An internal error occurred."));
  }

  /**
   * An {@link Error} thrown while answering (the JVM out of memory, a class that failed to load): Javalin hands it
   * over outside any route, so it is answered here on the servlet response, as an internal error like any other.
   */
  void writeUnexpected(HttpServletResponse response, Error failure) {
    LOG.error("Unexpected error answering a request", failure);
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(CognitoErrorType.INTERNAL_ERROR.status());
    response.setContentType(CONTENT_TYPE);
    response.setHeader(ERROR_TYPE_HEADER, CognitoErrorType.INTERNAL_ERROR.code() + ":");
    try {
      response.getOutputStream().write(envelope(CognitoErrorType.INTERNAL_ERROR.code(), "An internal error occurred."));
    } catch (IOException e) {
      LOG.debug("The client went away before its internal error was written", e);
    }
  }

  /** {@code {"__type","message"}}, also for the errors Jetty answers before a request reaches Javalin. */
  byte[] envelope(String code, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("__type", code);
    body.put("message", message);
    return json.write(body);
  }
}
