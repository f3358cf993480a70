package dev.cognate.app.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.cognate.app.UserApi;

/** Lambda handler of {@code POST /user/login}. */
public final class LoginHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final UserApi api;

  public LoginHandler() {
    this(LambdaApp.api());
  }

  LoginHandler(UserApi api) {
    this.api = api;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return LambdaApp.toEvent(api.login(LambdaApp.body(event)));
  }
}
