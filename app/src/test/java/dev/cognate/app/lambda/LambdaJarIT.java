package dev.cognate.app.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.app.CognitoSettings;
import dev.cognate.app.OriginalStack;
import dev.cognate.testing.CognitoClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The Lambda deployment artifact ({@code target/cognate-app-lambda.jar}, built by {@code package}) holds what the
 * handlers need and nothing of the local runner: no emulator, Javalin, Jetty or H2; and the handlers work from it
 * alone, in a JVM whose class path is that one jar.
 */
class LambdaJarIT {
  private static final Path JAR = Path.of("target", "cognate-app-lambda.jar");
  private static final Path LOCAL_JAR = Path.of("target", "cognate-app.jar");

  @TempDir Path work;

  @Test
  void theLambdaJarHoldsNoEmulatorServerOrDatabase() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by `mvn package`");
    List<String> unwanted;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      unwanted =
          Collections.list(jar.entries()).stream()
              .map(JarEntry::getName)
              .filter(
                  name -> name.startsWith("org/eclipse/jetty/")
                      || name.startsWith("io/javalin/")
                      || name.startsWith("org/h2/")
                      || (name.startsWith("dev/cognate/") && !name.equals("dev/cognate/")
                          && !name.startsWith("dev/cognate/app/"))
                      || name.startsWith("dev/cognate/app/local/")
                      || name.startsWith("dev/cognate/app/Main"))
              .toList();
    }
    System.out.println(
        "LambdaJarIT: " + JAR.getFileName() + " " + Files.size(JAR) + " bytes, " + LOCAL_JAR.getFileName() + " "
            + Files.size(LOCAL_JAR) + " bytes");
    assertEquals(List.of(), unwanted.stream().limit(20).toList());
  }

  /**
   * Every top-level package is one the handlers load: the API Gateway events, the SDK's Cognito client, JWT checks,
   * JSON and logging. A library added to the shade includes "just in case" (joda-time was: only S3, SNS and
   * scheduled events use it) would otherwise ride along into every cold start.
   */
  @Test
  void theLambdaJarHoldsOnlyPackagesTheHandlersUse() throws Exception {
    List<String> needed =
        List.of(
            "dev/cognate/app/",
            "com/amazonaws/services/lambda/runtime/",
            "software/amazon/awssdk/",
            "org/reactivestreams/",
            "com/nimbusds/",
            "com/fasterxml/jackson/",
            "org/slf4j/",
            "META-INF/");
    List<String> unneeded;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      unneeded =
          Collections.list(jar.entries()).stream()
              .map(JarEntry::getName)
              .filter(name -> name.contains("/") && !name.endsWith("/"))
              .filter(name -> needed.stream().noneMatch(name::startsWith))
              .map(name -> name.substring(0, name.indexOf('/', name.indexOf('/') + 1) + 1))
              .distinct()
              .toList();
    }
    assertEquals(List.of(), unneeded);
  }

  @Test
  void theHandlersRunFromTheLambdaJarAlone() throws Exception {
    try (Cognate cognate = Cognate.start(CognateConfig.forTests().build());
        CognitoIdentityProviderClient cognito = CognitoClients.forEndpoint(cognate.endpoint(), "us-east-1")) {
      CognitoSettings stack = OriginalStack.create(cognito);
      Path driver = work.resolve("Driver.java");
      Files.writeString(driver, DRIVER);
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  JAR.toAbsolutePath().toString(),
                  driver.toString())
              .redirectOutput(work.resolve("out").toFile())
              .redirectError(work.resolve("err").toFile());
      builder.environment().clear();
      builder.environment().putAll(
          Map.of(
              "USER_POOL_ID", stack.userPoolId(),
              "USER_CLIENT_ID", stack.clientId(),
              "AWS_REGION", "us-east-1",
              "AWS_ACCESS_KEY_ID", "lambda",
              "AWS_SECRET_ACCESS_KEY", "lambda",
              "AWS_ENDPOINT_URL", cognate.endpoint().toString()));
      Process process = builder.start();
      try {
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the driver finishes");
      } finally {
        process.destroyForcibly();
      }
      List<String> out = Files.readAllLines(work.resolve("out"), StandardCharsets.UTF_8);
      String err = Files.readString(work.resolve("err"), StandardCharsets.UTF_8);
      System.out.println("LambdaJarIT: handlers from the jar alone: " + out);
      assertEquals(0, process.exitValue(), err);
      assertEquals(
          List.of(
              "400 {\"message\":\"Invalid request body\"}",
              "201 {\"message\":\"User registered successfully...\"}",
              "403 {\"message\":\"Authentication failed\",\"error\":\"User is not confirmed.\"}",
              "200 {\"message\":\"Email lambda@example.com has been authorized\"}"),
          out,
          err);
    }
  }

  // Compiled and run by the java launcher with the Lambda jar as its only class path.
  private static final String DRIVER =
      """
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
      import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
      import dev.cognate.app.lambda.HelloHandler;
      import dev.cognate.app.lambda.LoginHandler;
      import dev.cognate.app.lambda.SignupHandler;
      import java.util.Map;

      public class Driver {
        public static void main(String[] args) {
          SignupHandler signup = new SignupHandler();
          print(signup.handleRequest(post("{"), null));
          print(signup.handleRequest(
              post("{\\"username\\":\\"lambda\\",\\"password\\":\\"Passw0rd!\\",\\"email\\":\\"lambda@example.com\\"}"), null));
          print(new LoginHandler().handleRequest(post("{\\"username\\":\\"lambda\\",\\"password\\":\\"Passw0rd!\\"}"), null));
          // What API Gateway's Cognito authorizer passes on after checking the token.
          APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
          context.setAuthorizer(Map.of("claims", Map.of("email", "lambda@example.com")));
          APIGatewayProxyRequestEvent hello =
              new APIGatewayProxyRequestEvent().withHttpMethod("GET").withRequestContext(context);
          print(new HelloHandler().handleRequest(hello, null));
        }

        static APIGatewayProxyRequestEvent post(String body) {
          return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withBody(body);
        }

        static void print(APIGatewayProxyResponseEvent response) {
          System.out.println(response.getStatusCode() + " " + response.getBody());
        }
      }
      """;
}
