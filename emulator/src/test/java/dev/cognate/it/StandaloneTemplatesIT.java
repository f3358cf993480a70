package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.support.StandaloneEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone jar prints one line per provisioned resource, and one line when a template is refused. */
class StandaloneTemplatesIT {
  private static final Path TEMPLATES = Path.of("src", "test", "resources", "templates").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void printsOneLinePerResourceBeforeTheListeningLine() throws Exception {
    Path envFile = dir.resolve("cognate.env");
    try (StandaloneEmulator emulator =
        StandaloneEmulator.start(
            dir.resolve("data"), dir.resolve("logs"), "templates",
            "--template", TEMPLATES.resolve("cfn-stack.json").toString(),
            "--seed", TEMPLATES.resolve("bookshop-users.json").toString(),
            "--template", TEMPLATES.resolve("serverless.yml") + "#books",
            "--env-file", envFile.toString())) {
      List<String> lines = emulator.stdout().lines().toList();
      System.out.println("standalone printed: " + lines);
      assertEquals(9, lines.size(), String.join("\n", lines));
      assertTrue(lines.get(0).matches("UserPool us-east-1_[0-9A-Za-z]{9}"), lines.get(0));
      assertTrue(lines.get(1).matches("WebClient [a-z0-9]{26}"), lines.get(1));
      assertEquals(
          List.of("Admins admins", "Domain shop-auth-test", "Api https://api.shop.example.com"), lines.subList(2, 5));
      assertTrue(lines.get(5).startsWith("CognitoUserPool us-east-1_"), lines.get(5));
      assertTrue(lines.get(6).startsWith("CognitoUserPoolClient "), lines.get(6));
      assertTrue(lines.get(7).matches("User dora@example.com in us-east-1_[0-9A-Za-z]{9}"), lines.get(7));
      assertEquals("Cognate listening on " + emulator.endpoint(), lines.get(8));
      List<String> env = Files.readAllLines(envFile);
      assertTrue(env.contains("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=" + emulator.endpoint()), env.toString());
      assertTrue(env.stream().noneMatch(l -> l.startsWith("USER_POOL_ID=")), "two pools: no USER_POOL_ID");
      assertTrue(env.contains("WEB_CLIENT=" + lines.get(1).substring("WebClient ".length())), env.toString());
    }
  }

  @Test
  void aRefusedTemplateStopsTheStartWithOneLine() throws Exception {
    StandaloneEmulator.Exit exit =
        StandaloneEmulator.runExpectingExit(
            dir.resolve("data"), dir.resolve("logs"), "bad",
            "--template", TEMPLATES.resolve("bad-property.yaml").toString());
    assertEquals(1, exit.code());
    List<String> ours = exit.stderr().lines().filter(l -> l.startsWith("cognate:")).toList();
    assertEquals(
        List.of(
            "cognate: template bad-property.yaml, Client (AWS::Cognito::UserPoolClient): InvalidParameterException:"
                + " 1 validation error detected: Value '100000' at 'accessTokenValidity' failed to satisfy constraint:"
                + " Member must have value less than or equal to 86400"),
        ours);
    assertTrue(exit.stderr().lines().noneMatch(l -> l.startsWith("\tat ")), exit.stderr());
  }
}
