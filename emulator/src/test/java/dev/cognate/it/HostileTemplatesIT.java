package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.provision.Location;
import dev.cognate.provision.ProvisioningException;
import dev.cognate.provision.TemplateSource;
import dev.cognate.support.ResetsAgainstARival;
import dev.cognate.support.TestEmulator;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Templates and env files a careless user or an attacker could hand the emulator: each gives one line naming what is
 * wrong (or a warning), never a misleading error, an out-of-memory, a hang or two resources sharing one id.
 */
class HostileTemplatesIT {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static ProvisioningException refused(CognateConfig.Builder config) {
    return assertThrows(ProvisioningException.class, () -> TestEmulator.start(config).close());
  }

  private static CognateConfig.Builder templates(Path... files) {
    CognateConfig.Builder config = CognateConfig.forTests();
    for (Path file : files) {
      config.template(file);
    }
    return config;
  }

  @Test
  void keysThatYamlReadsAsNumbersAreTakenAsText() throws IOException {
    Path template =
        file("numbers.yaml", "Resources:\n  123:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      1: x\n");
    try (Cognate cognate = TestEmulator.start(templates(template))) {
      assertTrue(cognate.resource("123").startsWith("us-east-1_"));
      assertEquals(
          List.of("template numbers.yaml, 123 (AWS::Cognito::UserPool): not emulated, ignored: 1"),
          cognate.provisioned().warnings());
    }
  }

  @Test
  void aYamlListThatHoldsItselfIsRefused() throws IOException {
    Path template =
        file("loop.yaml", "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n    Properties:\n"
            + "      UserPoolTags: &a [*a]\n");
    assertEquals(
        "template " + template + ": cannot read it: nested more than 100 levels deep (an alias inside itself?)",
        refused(templates(template)).getMessage());
  }

  @Test
  void serverlessVariablesThatMultiplyAreStoppedBeforeMemoryRunsOut() throws IOException {
    String eight = "${self:custom.a}".repeat(8);
    Path template =
        file("laughs.yml", "service: laughs\ncustom:\n  a: \"" + eight + "\"\nresources:\n  Resources:\n"
            + "    P:\n      Type: AWS::Cognito::UserPool\n");
    ProvisioningException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> refused(templates(template)));
    assertEquals(
        "template laughs.yml: its Serverless variables expand past 100000 look-ups or 16 MB (one that uses itself?)",
        e.getMessage());
  }

  @Test
  void aliasesThatRepeatEachOtherAreStoppedBeforeMemoryRunsOut() throws IOException {
    StringBuilder yaml = new StringBuilder("Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n    Metadata:\n");
    yaml.append("      l0: &l0 [x, y]\n");
    for (int level = 1; level < 25; level++) {
      yaml.append("      l").append(level).append(": &l").append(level)
          .append(" [*l").append(level - 1).append(", *l").append(level - 1).append("]\n");
    }
    yaml.append("    Properties:\n      UserPoolTags: {a: *l24}\n");
    Path template = file("doubling.yaml", yaml.toString());
    ProvisioningException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> refused(templates(template)));
    assertEquals(
        "template " + template + ": cannot read it: more than 5000000 values once aliases are expanded",
        e.getMessage());
  }

  @Test
  void jsonWithADuplicateKeyIsRefusedAsYamlIs() throws IOException {
    Path template =
        file("dup.json", "{\"Resources\": {\"P\": {\"Type\": \"AWS::Cognito::UserPool\"}, \"P\": {\"Type\": \"X\"}}}");
    assertEquals(
        "template " + template + ": cannot read it: not valid JSON or YAML: Duplicate field 'P'",
        refused(templates(template)).getMessage());
  }

  @Test
  void resourcesThatAreNotAMappingAreRefused() throws IOException {
    Path list = file("list.yaml", "Resources:\n  - UserPool\n");
    assertEquals(
        "template list.yaml: Resources must map logical ids to resources", refused(templates(list)).getMessage());
    Path text = file("text.yaml", "Resources: UserPool\n");
    assertEquals(
        "template text.yaml: Resources must map logical ids to resources", refused(templates(text)).getMessage());
  }

  @Test
  void selectWithAnIndexThatIsNotANumberIsAWarning() throws IOException {
    Path template =
        file(
            "select.yaml",
            "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n    Properties:\n"
                + "      UserPoolName: !Select [first, [a, b]]\n");
    try (Cognate cognate = TestEmulator.start(templates(template))) {
      assertEquals(
          List.of(
              "template select.yaml, P (AWS::Cognito::UserPool): not resolved, ignored: UserPoolName (Fn::Select index"
                  + " first is not a number)"),
          cognate.provisioned().warnings());
    }
  }

  @Test
  void aFileTooLargeToBeATemplateIsRefusedWithoutReadingItAll() throws IOException {
    Path huge = dir.resolve("huge.yaml");
    try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
      sparse.setLength(17L << 20);
    }
    assertEquals(
        "template " + huge + ": cannot read it: larger than 16 MB", refused(templates(huge)).getMessage());
  }

  @Test
  void aUrlThatIsNotOneIsNamedWithoutAJavaClassName() {
    CognateConfig.Builder config =
        CognateConfig.forTests().template(new TemplateSource(new Location("http://exa mple/t.yaml"), Optional.empty()));
    assertEquals(
        "template http://exa mple/t.yaml: cannot read it: not a URL: http://exa mple/t.yaml",
        refused(config).getMessage());
  }

  @Test
  void aMissingFileIsNamedAsMissing() {
    Path missing = dir.resolve("missing.yaml");
    assertEquals(
        "template " + missing + ": cannot read it: no such file", refused(templates(missing)).getMessage());
  }

  @Test
  void aServerThatNeverAnswersStopsTheStartWithinBounds() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/template.yaml";
      CognateConfig.Builder config =
          CognateConfig.forTests().template(new TemplateSource(new Location(url), Optional.empty()));
      long started = System.nanoTime();
      ProvisioningException e =
          assertTimeoutPreemptively(Duration.ofSeconds(60), () -> refused(config));
      assertEquals("template " + url + ": cannot read it: no answer within 10 seconds", e.getMessage());
      System.out.printf(
          "HostileTemplatesIT: a template URL that never answers stopped the start after %d ms%n",
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  @Test
  void aPinnedPoolIdOfAnotherRegionOrShapeIsRefused() throws IOException {
    Path region =
        file("region.yaml", "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n"
            + "    Metadata: {Cognate: {Id: eu-west-1_Abc}}\n");
    assertEquals(
        "template region.yaml, P (AWS::Cognito::UserPool): the pinned id eu-west-1_Abc is not a pool id of region"
            + " us-east-1: us-east-1_ then letters and digits",
        refused(templates(region)).getMessage());
    Path shape =
        file("shape.yaml", "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n"
            + "    Metadata: {Cognate: {Id: \"us-east-1_x\\nEVIL=1\"}}\n");
    assertEquals(
        "template shape.yaml, P (AWS::Cognito::UserPool): the pinned id us-east-1_x\\nEVIL=1 is not a pool id of"
            + " region us-east-1: us-east-1_ then letters and digits",
        refused(templates(shape)).getMessage());
  }

  @Test
  void twoResourcesPinnedToOneIdAreRefused() throws IOException {
    Path first =
        file("first.yaml", "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n"
            + "    Metadata: {Cognate: {Id: us-east-1_Shared1}}\n");
    Path second =
        file("second.yaml", "Resources:\n  Q:\n    Type: AWS::Cognito::UserPool\n"
            + "    Metadata: {Cognate: {Id: us-east-1_Shared1}}\n");
    assertEquals(
        "template second.yaml, Q (AWS::Cognito::UserPool): its id us-east-1_Shared1 is already P's",
        refused(templates(first, second)).getMessage());
    Path clients =
        file("clients.yaml", "Resources:\n  A:\n    Type: AWS::Cognito::UserPool\n  B:\n    Type: AWS::Cognito::UserPool\n"
            + "  CA:\n    Type: AWS::Cognito::UserPoolClient\n    Metadata: {Cognate: {Id: sharedclient}}\n"
            + "    Properties: {UserPoolId: !Ref A}\n"
            + "  CB:\n    Type: AWS::Cognito::UserPoolClient\n    Metadata: {Cognate: {Id: sharedclient}}\n"
            + "    Properties: {UserPoolId: !Ref B}\n");
    assertEquals(
        "template clients.yaml, CB (AWS::Cognito::UserPoolClient): its id sharedclient is already CA's",
        refused(templates(clients)).getMessage());
  }

  @Test
  void aClientMovedToAnotherPoolBetweenStartsIsNamed() throws IOException {
    String pools = "Resources:\n  A:\n    Type: AWS::Cognito::UserPool\n  B:\n    Type: AWS::Cognito::UserPool\n";
    Path template = file("app.yaml", pools + "  Web:\n    Type: AWS::Cognito::UserPoolClient\n"
        + "    Properties: {UserPoolId: !Ref A}\n");
    CognateConfig.Builder config = templates(template).dataDir(dir.resolve("data"));
    String clientId;
    try (Cognate cognate = TestEmulator.start(config)) {
      clientId = cognate.resource("Web");
    }
    file("app.yaml", pools + "  Web:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {UserPoolId: !Ref B}\n");
    assertEquals(
        "template app.yaml, Web (AWS::Cognito::UserPoolClient): its id " + clientId + " is a client of another pool"
            + " (the template moved it?); give it another logical id, or start from an empty database",
        refused(config).getMessage());
  }

  @Test
  void anEnvFileLeftByAnEarlierRunIsGoneWhenTheStartFails() throws IOException {
    Path envFile = file(".env.cognate", "USER_POOL_ID=us-east-1_Earlier12\n");
    Path broken = file("broken.yaml", "Resources: UserPool\n");
    refused(templates(broken).envFile(envFile));
    assertTrue(Files.notExists(envFile), "a script waiting for the env file would read the earlier run's ids");
  }

  @Test
  void anEnvFileThatIsADirectoryGivesOneLineNamingIt() throws IOException {
    Path template = file("ok.yaml", "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n");
    Path folder = Files.createDirectory(dir.resolve("env"));
    assertEquals(
        "cannot write the env file " + folder + ": Is a directory",
        refused(templates(template).envFile(folder)).getMessage());
  }

  @Test
  void aClientCreatingTheTemplatesGroupAndUserDuringAResetDoesNotFailTheReset() throws Exception {
    Path template =
        file("members.yaml", "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n"
            + "  Admins:\n    Type: AWS::Cognito::UserPoolGroup\n    Properties: {UserPoolId: !Ref P, GroupName: admins}\n"
            + "  Bob:\n    Type: AWS::Cognito::UserPoolUser\n"
            + "    Properties: {UserPoolId: !Ref P, Username: bob, MessageAction: SUPPRESS}\n");
    try (Cognate cognate = TestEmulator.start(templates(template));
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String poolId = cognate.resource("P");
      ResetsAgainstARival.Outcome outcome = ResetsAgainstARival.run(cognate, cognito, poolId, "admins", "bob", 40);
      System.out.println(
          "HostileTemplatesIT: 40 resets while a client created the template's group and user, " + outcome.failures()
              + " failed" + (outcome.first() == null ? "" : ", first: " + outcome.first()));
      assertEquals(0, outcome.failures(), outcome.first());
    }
  }

  @Test
  void resetsRunAtTheSameTimeEachLeaveTheTemplatesPools() throws Exception {
    Path template =
        file("two.yaml", "Resources:\n  P:\n    Type: AWS::Cognito::UserPool\n  Q:\n    Type: AWS::Cognito::UserPool\n"
            + "  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: {UserPoolId: !Ref P}\n");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try (Cognate cognate = TestEmulator.start(templates(template))) {
      int failures = 0;
      for (int round = 0; round < 25; round++) {
        Runnable reset = cognate::reset;
        List<Future<?>> resets = List.of(threads.submit(reset), threads.submit(reset), threads.submit(reset));
        for (Future<?> done : resets) {
          try {
            done.get();
          } catch (ExecutionException e) {
            failures++;
          }
        }
      }
      System.out.println("HostileTemplatesIT: 25 rounds of 3 concurrent resets, " + failures + " failed");
      assertEquals(0, failures);
    } finally {
      threads.shutdownNow();
    }
  }
}
