package dev.cognate.app.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.app.ApiResponse;
import dev.cognate.app.CognitoSettings;
import dev.cognate.app.UserApi;
import dev.cognate.app.UserAuthService;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;

/** What the four handlers share: one API over one SDK client per Lambda container, and event translation. */
final class LambdaApp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LambdaApp() {}

  // Built on first use, once per container: the SDK client is the expensive part of a cold start.
  private static final class Shared {
    static final UserApi API = create();

    private static UserApi create() {
      CognitoSettings settings = CognitoSettings.fromEnvironment(System.getenv());
      return new UserApi(
          new UserAuthService(CognitoSettings.defaultClient(), settings.userPoolId(), settings.clientId()));
    }
  }

  static UserApi api() {
    return Shared.API;
  }

  static String body(APIGatewayProxyRequestEvent event) {
    String body = event.getBody();
    if (body != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
      return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return body;
  }

  static APIGatewayProxyResponseEvent toEvent(ApiResponse response) {
    try {
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(response.status())
          .withHeaders(new HashMap<>(ApiResponse.HEADERS))
          .withBody(JSON.writeValueAsString(response.body()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a response body", e);
    }
  }
}
