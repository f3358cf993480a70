package dev.cognate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.CognateConfig;
import dev.cognate.Limits;
import dev.cognate.TriggerKind;
import dev.cognate.provision.Location;
import dev.cognate.provision.TemplateSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Test
  void defaultsWithoutFlagsOrEnvironment() {
    CognateConfig config = ConfigLoader.load(List.of(), Map.of());
    assertEquals("127.0.0.1", config.host());
    assertEquals(9229, config.port());
    assertEquals(Optional.of(Path.of(".cognate")), config.dataDir());
    assertEquals("us-east-1", config.region());
    assertEquals(4, config.bcryptCost());
    assertEquals(Optional.empty(), config.fixedCode());
    assertEquals(Optional.empty(), config.issuer());
  }

  @Test
  void everyFlagIsRead() {
    CognateConfig config =
        ConfigLoader.load(
            List.of(
                "--port", "0", "--host", "0.0.0.0", "--data", "/tmp/x", "--region", "eu-west-1", "--code",
                "123456", "--issuer", "https://cognito-idp.eu-west-1.amazonaws.com", "--bcrypt-cost=6"),
            Map.of());
    assertEquals(0, config.port());
    assertEquals("0.0.0.0", config.host());
    assertEquals(Optional.of(Path.of("/tmp/x")), config.dataDir());
    assertEquals("eu-west-1", config.region());
    assertEquals(Optional.of("123456"), config.fixedCode());
    assertEquals(Optional.of("https://cognito-idp.eu-west-1.amazonaws.com"), config.issuer());
    assertEquals(6, config.bcryptCost());
  }

  @Test
  void environmentVariablesApplyAndFlagsWin() {
    Map<String, String> env =
        Map.of("COGNATE_PORT", "1234", "COGNATE_IN_MEMORY", "true", "COGNATE_CODE", "654321", "COGNATE_REGION", "ap-south-1");
    CognateConfig config = ConfigLoader.load(List.of("--port", "4321"), env);
    assertEquals(4321, config.port());
    assertTrue(config.inMemory());
    assertEquals(Optional.of("654321"), config.fixedCode());
    assertEquals("ap-south-1", config.region());
  }

  @Test
  void limitsDefaultToCognitosAndComeFromFlagsAndVariables() {
    assertEquals(Limits.cognito(), ConfigLoader.load(List.of(), Map.of()).limits());

    Map<String, String> env =
        Map.of("COGNATE_LOCKOUT_AFTER", "3", "COGNATE_LOCKOUT_CAP", "2h", "COGNATE_CODE_CHECKS_PER_HOUR", "7");
    Limits limits =
        ConfigLoader.load(
                List.of("--lockout-after", "2", "--lockout-base=500ms", "--wrong-codes", "1", "--code-sends-per-hour",
                    "9"),
                env)
            .limits();
    assertEquals(
        new Limits(2, Duration.ofMillis(500), Duration.ofHours(2), 1, 9, 7), limits);
    assertEquals(
        Duration.ofMinutes(3),
        ConfigLoader.load(List.of("--lockout-base", "3m", "--lockout-cap", "4m"), Map.of()).limits().lockoutBase());
  }

  @Test
  void badLimitsAreRefusedWithTheReason() {
    assertEquals(
        "--lockout-base needs a duration such as 500ms, 1s, 15m or 2h, got 1.5s",
        assertThrows(
                IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--lockout-base", "1.5s"), Map.of()))
            .getMessage());
    assertEquals(
        "wrong codes per code must be at least 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--wrong-codes", "0"), Map.of()))
            .getMessage());
    assertEquals(
        "lock-out cap (PT1S) must be at least the lock-out base (PT2S)",
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfigLoader.load(List.of("--lockout-base", "2s", "--lockout-cap", "1s"), Map.of()))
            .getMessage());
  }

  @Test
  void aBadValueFromTheEnvironmentIsReportedUnderTheVariablesName() {
    assertEquals(
        "COGNATE_LOCKOUT_BASE needs a duration such as 500ms, 1s, 15m or 2h, got soon",
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfigLoader.load(List.of(), Map.of("COGNATE_LOCKOUT_BASE", "soon")))
            .getMessage());
    assertEquals(
        "COGNATE_BCRYPT_COST needs a number, got high",
        assertThrows(
                IllegalArgumentException.class, () -> ConfigLoader.load(List.of(), Map.of("COGNATE_BCRYPT_COST", "high")))
            .getMessage());
  }

  @Test
  void randomSeedComesFromTheFlagOrTheEnvironment() {
    assertEquals(OptionalLong.empty(), ConfigLoader.load(List.of(), Map.of()).randomSeed());
    assertEquals(OptionalLong.of(42), ConfigLoader.load(List.of("--random-seed", "42"), Map.of()).randomSeed());
    assertEquals(
        OptionalLong.of(-7), ConfigLoader.load(List.of(), Map.of("COGNATE_RANDOM_SEED", "-7")).randomSeed());
    assertEquals(
        OptionalLong.of(1),
        ConfigLoader.load(List.of("--random-seed=1"), Map.of("COGNATE_RANDOM_SEED", "2")).randomSeed());
    assertEquals(
        "COGNATE_RANDOM_SEED needs a whole number, got x",
        assertThrows(
                IllegalArgumentException.class, () -> ConfigLoader.load(List.of(), Map.of("COGNATE_RANDOM_SEED", "x")))
            .getMessage());
  }

  @Test
  void inMemoryFlagDropsTheDataDirectory() {
    assertTrue(ConfigLoader.load(List.of("--in-memory"), Map.of()).inMemory());
  }

  @Test
  void badInputIsRefusedWithTheReason() {
    assertEquals(
        "unknown option --nope",
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--nope"), Map.of())).getMessage());
    assertEquals(
        "--port needs a number, got abc",
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--port", "abc"), Map.of()))
            .getMessage());
    assertEquals(
        "--port needs a value",
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--port"), Map.of())).getMessage());
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--code", "12345"), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--bcrypt-cost", "3"), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--issuer", "ftp://x"), Map.of()));
  }

  @Test
  void credentialsComeFromRepeatedFlagsAndACommaSeparatedVariable() {
    assertEquals(Map.of(), ConfigLoader.load(List.of(), Map.of()).credentials());
    CognateConfig config =
        ConfigLoader.load(
            List.of(
                "--credentials", "AKIDFLAG:flag/Secret+1",
                "--credentials=123456789012:with:colon",
                "--credentials", "SHARED:from-flag"),
            Map.of("COGNATE_CREDENTIALS", "AKIDENV:env-secret, SHARED:from-env"));
    assertEquals(
        Map.of(
            "AKIDENV", "env-secret",
            "SHARED", "from-flag",
            "AKIDFLAG", "flag/Secret+1",
            "123456789012", "with:colon"),
        config.credentials());
    assertTrue(config.strictSignatures());
  }

  @Test
  void malformedCredentialsAreRefusedWithoutRepeatingTheSecret() {
    Map<String, String> secretsOfBadValues =
        Map.of(
            "AKIDnocolonS3CR3T", "S3CR3T", ":S3CR3T", "S3CR3T", "AKID:S3CR3T,", "S3CR3T",
            "AK/ID:S3CR3T", "S3CR3T", "AKID:S3 CR3T", "CR3T");
    secretsOfBadValues.forEach(
        (bad, secret) -> {
          IllegalArgumentException e =
              assertThrows(
                  IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--credentials", bad), Map.of()));
          assertFalse(e.getMessage().contains(secret), e.getMessage());
        });
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--credentials", "AKID:"), Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> ConfigLoader.load(List.of(), Map.of("COGNATE_CREDENTIALS", "AKID:ok,broken")));
  }

  @Test
  void triggersComeFromFlagsAndTheVariableAsUrls() {
    CognateConfig config =
        ConfigLoader.load(
            List.of("--trigger", "PreSignUp=http://127.0.0.1:3000/pre"),
            Map.of("COGNATE_TRIGGERS", "DefineAuthChallenge=http://127.0.0.1:3000/define,"
                + "PreTokenGeneration=https://hooks.example/token"));
    assertEquals(
        "http://127.0.0.1:3000/pre",
        config.triggers().find("us-east-1_any", TriggerKind.PRE_SIGN_UP).orElseThrow().toString());
    assertEquals(
        "http://127.0.0.1:3000/define",
        config.triggers().find("us-east-1_any", TriggerKind.DEFINE_AUTH_CHALLENGE).orElseThrow().toString());
    assertEquals(
        "https://hooks.example/token",
        config.triggers().find("us-east-1_any", TriggerKind.PRE_TOKEN_GENERATION).orElseThrow().toString());
    assertTrue(config.triggers().find("us-east-1_any", TriggerKind.POST_CONFIRMATION).isEmpty());
  }

  @Test
  void aTriggerNeedsAKnownNameAndAnHttpUrl() {
    assertEquals(
        "--trigger names one of [PreSignUp, PostConfirmation, PreTokenGeneration, DefineAuthChallenge,"
            + " CreateAuthChallenge, VerifyAuthChallengeResponse], was PreAuthentication",
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfigLoader.load(List.of("--trigger=PreAuthentication=http://x"), Map.of()))
            .getMessage());
    assertEquals(
        "--trigger needs NAME=URL pairs separated by commas",
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--trigger", "PreSignUp"), Map.of()))
            .getMessage());
    assertEquals(
        "a trigger URL must be http or https, was ftp://x",
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfigLoader.load(List.of(), Map.of("COGNATE_TRIGGERS", "PreSignUp=ftp://x")))
            .getMessage());
  }

  @Test
  void usageListsEveryOptionAndItsVariable() {
    String usage = ConfigLoader.usage();
    for (ConfigLoader.Option option : ConfigLoader.OPTIONS) {
      assertTrue(usage.contains(option.flag()), option.flag());
      assertTrue(usage.contains(option.env()), option.env());
    }
  }

  @Test
  void devApiIsOnUnlessTurnedOffByFlagOrEnvironment() {
    assertTrue(ConfigLoader.load(List.of(), Map.of()).devApi());
    assertFalse(ConfigLoader.load(List.of("--no-dev-api"), Map.of()).devApi());
    assertFalse(ConfigLoader.load(List.of(), Map.of("COGNATE_DEV_API", "false")).devApi());
    assertTrue(ConfigLoader.load(List.of(), Map.of("COGNATE_DEV_API", "true")).devApi());
    assertTrue(ConfigLoader.usage().contains("--no-dev-api"), ConfigLoader.usage());
  }

  @Test
  void switchesInTheEnvironmentTakeOnlyTrueOrFalse() {
    for (String value : List.of("1", "yes", "on", "ture")) {
      IllegalArgumentException inMemory =
          assertThrows(
              IllegalArgumentException.class, () -> ConfigLoader.load(List.of(), Map.of("COGNATE_IN_MEMORY", value)));
      assertEquals("COGNATE_IN_MEMORY must be true or false, was " + value, inMemory.getMessage());
      IllegalArgumentException devApi =
          assertThrows(
              IllegalArgumentException.class, () -> ConfigLoader.load(List.of(), Map.of("COGNATE_DEV_API", value)));
      assertEquals("COGNATE_DEV_API must be true or false, was " + value, devApi.getMessage());
    }
    assertTrue(ConfigLoader.load(List.of(), Map.of("COGNATE_IN_MEMORY", "TRUE")).inMemory());
    assertFalse(ConfigLoader.load(List.of(), Map.of("COGNATE_IN_MEMORY", "false")).inMemory());
  }

  @Test
  void templatesSeedsAndEnvFileComeFromRepeatedFlagsAndCommaSeparatedVariables() {
    CognateConfig config =
        ConfigLoader.load(
            List.of("--template", "a.yaml#shop-dev", "--template=classpath:b.json", "--seed", "users.yaml",
                "--env-file", "out/cognate.env"),
            Map.of("COGNATE_TEMPLATE", "ignored.yaml", "COGNATE_SEED", "more.yaml"));
    assertEquals(
        List.of(
            new TemplateSource(new Location("ignored.yaml"), Optional.empty()),
            new TemplateSource(new Location("a.yaml"), Optional.of("shop-dev")),
            new TemplateSource(new Location("classpath:b.json"), Optional.empty())),
        config.templates(),
        "flags add to the variable's list, in order");
    assertEquals(List.of(new Location("more.yaml"), new Location("users.yaml")), config.seeds());
    assertEquals(Optional.of(Path.of("out/cognate.env")), config.envFile());

    CognateConfig fromEnvironment =
        ConfigLoader.load(
            List.of(),
            Map.of("COGNATE_TEMPLATE", "a.yaml, b.yaml#other", "COGNATE_SEED", "s1.json,s2.yaml",
                "COGNATE_ENV_FILE", ".env.local"));
    assertEquals(
        List.of(
            new TemplateSource(new Location("a.yaml"), Optional.empty()),
            new TemplateSource(new Location("b.yaml"), Optional.of("other"))),
        fromEnvironment.templates());
    assertEquals(List.of(new Location("s1.json"), new Location("s2.yaml")), fromEnvironment.seeds());
    assertEquals(Optional.of(Path.of(".env.local")), fromEnvironment.envFile());
    assertEquals(List.of(), ConfigLoader.load(List.of(), Map.of()).templates());
  }

  @Test
  void aBadStackNameOrEmptyListItemIsRefused() {
    assertEquals(
        "a stack name is a letter then up to 127 letters, digits or '-', was 1_bad",
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--template", "t.yaml#1_bad"), Map.of()))
            .getMessage());
    assertEquals(
        "an empty item in the list a.yaml,,b.yaml",
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfigLoader.load(List.of(), Map.of("COGNATE_SEED", "a.yaml,,b.yaml")))
            .getMessage());
    assertTrue(ConfigLoader.usage().contains("--template FILE[#STACK]"));
    assertTrue(ConfigLoader.usage().contains("COGNATE_ENV_FILE"));
    assertTrue(
        ConfigLoader.usage().contains("(default: the file name without extension; Serverless: <service>-<stage>)"),
        "--help states the stack name's default as README's flag table does");
  }

  @Test
  void switchFlagsTakeAnExplicitTrueOrFalse() {
    assertTrue(ConfigLoader.load(List.of("--in-memory=true"), Map.of()).inMemory());
    assertFalse(ConfigLoader.load(List.of("--in-memory=false"), Map.of()).inMemory());
    assertEquals(
        Optional.of(Path.of(".cognate")), ConfigLoader.load(List.of("--in-memory=false"), Map.of()).dataDir());
    assertFalse(ConfigLoader.load(List.of("--in-memory=false"), Map.of("COGNATE_IN_MEMORY", "true")).inMemory());
    assertEquals(
        Optional.of(Path.of("/tmp/x")),
        ConfigLoader.load(List.of("--data", "/tmp/x", "--in-memory=false"), Map.of()).dataDir());
    assertFalse(ConfigLoader.load(List.of("--no-dev-api=true"), Map.of()).devApi());
    assertTrue(ConfigLoader.load(List.of("--no-dev-api=false"), Map.of("COGNATE_DEV_API", "false")).devApi());
    assertTrue(ConfigLoader.usage().contains("=true or =false, e.g. --in-memory=false"), ConfigLoader.usage());
  }

  @Test
  void switchFlagsRefuseAnythingButTrueOrFalse() {
    assertEquals(
        "--in-memory must be true or false, was yes",
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--in-memory=yes"), Map.of()))
            .getMessage());
    assertEquals(
        "--no-dev-api must be true or false, was ",
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(List.of("--no-dev-api="), Map.of()))
            .getMessage());
  }
}
