package dev.cognate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SAM template stays in step with the code it deploys. */
class TemplateTest {
  private static final Path TEMPLATE = Path.of("template.yaml");

  @Test
  void everyHandlerNamedInTheTemplateIsALambdaHandlerClass() throws Exception {
    Matcher m = Pattern.compile("Handler: ([\\w.]+)::handleRequest").matcher(Files.readString(TEMPLATE));
    List<String> handlers = new ArrayList<>();
    while (m.find()) {
      handlers.add(m.group(1));
      assertTrue(RequestHandler.class.isAssignableFrom(Class.forName(m.group(1))), m.group(1));
    }
    assertEquals(
        List.of(
            "dev.cognate.app.lambda.SignupHandler",
            "dev.cognate.app.lambda.VerificationHandler",
            "dev.cognate.app.lambda.LoginHandler",
            "dev.cognate.app.lambda.HelloHandler"),
        handlers);
  }

  @Test
  void functionsGetThePoolAndClientAndTheJarTheBuildMakes() throws IOException {
    String template = Files.readString(TEMPLATE);
    assertTrue(template.contains("USER_POOL_ID: !Ref UserPool"));
    assertTrue(template.contains("USER_CLIENT_ID: !Ref UserClient"));
    assertTrue(template.contains("CodeUri: target/cognate-app-lambda.jar"));
    assertTrue(Files.readString(Path.of("pom.xml")).contains("<finalName>cognate-app-lambda</finalName>"));
  }

  @Test
  void helloIsBehindTheCognitoAuthorizerAndLoginMayCallAdminInitiateAuth() throws IOException {
    String template = Files.readString(TEMPLATE);
    assertTrue(template.matches("(?s).*Path: /user/hello\\s+Method: get\\s+Auth:\\s+Authorizer: PrivateAuthorizer.*"));
    assertTrue(template.contains("cognito-idp:AdminInitiateAuth"));
  }

  @Test
  void anUnknownRouteIsRefusedWithCorsHeadersAsTheLocalServerDoes() throws IOException {
    assertTrue(
        Files.readString(TEMPLATE)
            .matches(
                "(?s).*GatewayResponses:.*MISSING_AUTHENTICATION_TOKEN:\\s+ResponseParameters:\\s+Headers:\\s+"
                    + "Access-Control-Allow-Origin: \"'\\*'\".*"));
  }
}
