package dev.cognate.app.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.cognate.app.UserApi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda handler of {@code GET /user/hello}. API Gateway's Cognito authorizer has already checked the token and
 * passes its claims in {@code requestContext.authorizer.claims}.
 */
public final class HelloHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final UserApi api;

  public HelloHandler() {
    this(LambdaApp.api());
  }

  HelloHandler(UserApi api) {
    this.api = api;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return LambdaApp.toEvent(api.hello(claims(event)));
  }

  private static Map<String, String> claims(APIGatewayProxyRequestEvent event) {
    Map<String, String> claims = new LinkedHashMap<>();
    if (event.getRequestContext() != null
        && event.getRequestContext().getAuthorizer() != null
        && event.getRequestContext().getAuthorizer().get("claims") instanceof Map<?, ?> raw) {
      raw.forEach((name, value) -> claims.put(String.valueOf(name), String.valueOf(value)));
    }
    return claims;
  }
}
