package dev.cognate.app.local;

import dev.cognate.app.ApiResponse;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to a request it refuses before any route runs (a bad path, an oversized request line or header, a
 * malformed message, {@code OPTIONS *}): API Gateway's JSON with the CORS headers, never Jetty's HTML error page.
 */
final class GatewayErrors implements Request.Handler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    ApiResponse answer = LocalServer.gatewayAnswer(response.getStatus());
    response.setStatus(answer.status());
    HttpFields.Mutable headers = response.getHeaders();
    ApiResponse.HEADERS.forEach(headers::put);
    response.write(true, ByteBuffer.wrap(LocalServer.json(answer)), callback);
    return true;
  }
}
