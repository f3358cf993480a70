package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * The real clients, run from a copy of {@code src/test/node/} under {@code target/} with the unmodified libraries from
 * the npm registry, whose default sign-in is USER_SRP_AUTH: {@code srp-proof.mjs} signs up, confirms and signs in with
 * amazon-cognito-identity-js, then sets up TOTP MFA and signs in with it; {@code amplify-proof.mjs} signs up, confirms,
 * signs in and fetches the session with AWS Amplify v6 configured with {@code userPoolEndpoint}. Where {@code node} or
 * {@code npm} is missing, or the registry cannot be reached, the tests are skipped with a message, so that a build
 * with only Java still passes.
 */
class NodeClientSrpIT {
  private static final Path SCRIPTS = Path.of("src", "test", "node");
  // The install happens under target/, so a build never writes into the source tree.
  private static final Path WORK = Path.of("target", "node-proof");
  private static final List<String> FILES =
      List.of("package.json", "package-lock.json", "srp-proof.mjs", "amplify-proof.mjs");
  private static final List<String> MODULES = List.of("amazon-cognito-identity-js", "aws-amplify");
  private static final long INSTALL_SECONDS = 180;
  private static final long RUN_SECONDS = 120;

  @RegisterExtension static final EmulatorExtension emulator = EmulatorExtension.start();

  @Test
  void amazonCognitoIdentityJsSignsInBySrpAndWithTotpMfa() throws Exception {
    installLibraries();
    Pool pool = Pools.appPool(emulator.cognito());
    emulator
        .cognito()
        .setUserPoolMfaConfig(
            r -> r.userPoolId(pool.poolId())
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));

    assertProofHolds("amazon-cognito-identity-js", "srp-proof.mjs", pool);
  }

  @Test
  void amplifyV6SignsInBySrpWithUserPoolEndpoint() throws Exception {
    installLibraries();

    assertProofHolds("AWS Amplify v6", "amplify-proof.mjs", Pools.appPool(emulator.cognito()));
  }

  private static void installLibraries() throws IOException, InterruptedException {
    Files.createDirectories(WORK);
    for (String file : FILES) {
      Files.copy(SCRIPTS.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Assumptions.assumeTrue(
        runs(List.of("node", "--version")) && runs(List.of("npm", "--version")),
        "node or npm not found on PATH: the Node client proofs are skipped");
    if (!MODULES.stream().allMatch(module -> Files.isDirectory(WORK.resolve("node_modules").resolve(module)))) {
      Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_SECONDS);
      Assumptions.assumeTrue(
          install.exit() == 0,
          "npm ci failed (no registry?), the Node client proofs are skipped:\n" + install.output());
    }
  }

  private static void assertProofHolds(String library, String script, Pool pool)
      throws IOException, InterruptedException {
    Result proof =
        run(
            List.of("node", script),
            Map.of(
                "COGNATE_ENDPOINT", emulator.cognate().endpoint().toString(),
                "POOL_ID", pool.poolId(),
                "CLIENT_ID", pool.clientId()),
            RUN_SECONDS);

    System.out.println(library + " against Cognate:\n" + proof.output());
    assertEquals(0, proof.exit(), proof.output());
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Map<String, String> environment, long seconds)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, command + " did not finish within " + seconds + " s");
    }
    return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static boolean runs(List<String> command) {
    try {
      return run(command, Map.of(), 30).exit() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
