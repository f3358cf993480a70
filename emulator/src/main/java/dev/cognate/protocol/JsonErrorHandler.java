package dev.cognate.protocol;

import dev.cognate.error.CognitoErrorType;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises itself (an unparsable request line, a broken chunk, oversized headers) in the
 * same JSON envelope as every other error, instead of Jetty's HTML page. Jetty's reason text goes into the
 * message; it never holds a stack trace.
 */
final class JsonErrorHandler implements Request.Handler {
  private final AwsErrors errors;

  JsonErrorHandler(AwsErrors errors) {
    this.errors = errors;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : 500;
    Object attribute = request.getAttribute(ErrorHandler.ERROR_STATUS);
    if (attribute instanceof Integer code) {
      status = code;
    }
    // Jetty answers a request line it cannot read as HTTP/1.x (an HTTP/0.9 "GET /", say) with 505: the client's
    // error, not the server's.
    if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
      status = HttpStatus.BAD_REQUEST_400;
    }
    String code = codeOf(status);
    String reason = HttpStatus.getMessage(status);
    String message = status >= 500 ? "An internal error occurred." : reasonOf(request, reason);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, AwsErrors.CONTENT_TYPE);
    response.getHeaders().put(AwsErrors.ERROR_TYPE_HEADER, code + ":");
    if (!response.getHeaders().contains("x-amzn-RequestId")) {
      response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
    }
    response.write(true, ByteBuffer.wrap(errors.envelope(code, message)), callback);
    return true;
  }

  private static String reasonOf(Request request, String reason) {
    Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
    return message instanceof String text && !text.isBlank() && !text.contains("\n") ? text : reason;
  }

  static String codeOf(int status) {
    for (CognitoErrorType type : CognitoErrorType.values()) {
      if (type.status() == status && status != 400) {
        return type.code();
      }
    }
    return status >= 500 ? CognitoErrorType.INTERNAL_ERROR.code() : CognitoErrorType.BAD_REQUEST.code();
  }
}
