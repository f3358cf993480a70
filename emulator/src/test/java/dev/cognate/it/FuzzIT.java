package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.Engine;
import dev.cognate.operation.Operation;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.RequestCorpus;
import dev.cognate.support.Users;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Every registered operation, fed a generated corpus of hostile bodies over raw HTTP: wrong JSON types, missing
 * and extra members, huge and non-BMP strings, deep nesting, invalid UTF-8, NUL bytes, empty and non-object
 * bodies. No answer may be a 5xx, leak a stack trace or a Java class name, or leave the AWS error envelope, and
 * the server still answers its health check at the end. The corpus is the same for the same seed (printed;
 * {@code -Dcognate.fuzz.seed=N} replays another), and the run stops early rather than exceed its time budget.
 */
class FuzzIT {
  private static final long DEFAULT_SEED = 20261130L;
  private static final int INPUTS_PER_OPERATION = 400;
  private static final Duration BUDGET = Duration.ofSeconds(60);
  private static final String PASSWORD = "Passw0rd!";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\(");
  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "\\b(java|javax|jdk|sun|com\\.fasterxml|org\\.h2|org\\.eclipse|io\\.javalin|dev\\.cognate"
              + "|software\\.amazon)\\.[\\w$]+");
  private static final Pattern RECORD_TEXT = Pattern.compile("\\b[A-Z]\\w*(Type|Request)\\[\\w+=");
  // Operations that end the state the others use run last, so that the others keep reaching their logic: disabling
  // the user or signing them out revokes the access token every operation of a signed-in user needs.
  private static final List<String> DESTRUCTIVE =
      List.of(
          "AdminDisableUser",
          "AdminUserGlobalSignOut",
          "GlobalSignOut",
          "RevokeToken",
          "DeleteUser",
          "AdminDeleteUser",
          "DeleteUserPoolClient",
          "DeleteUserPool");

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start();
  private final Cognate cognate = emulator.cognate();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  void noOperationAnswers5xxLeaksInternalsOrLeavesTheEnvelope() throws Exception {
    long seed = Long.getLong("cognate.fuzz.seed", DEFAULT_SEED);
    RequestCorpus corpus = new RequestCorpus(seed, knownValues());
    Map<String, Class<? extends Record>> requestTypes = requestTypes();

    Map<String, Integer> histogram = new TreeMap<>();
    Map<String, Map<String, Integer>> byOperation = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    int tried = 0;
    long started = System.nanoTime();
    boolean stoppedEarly = false;
    // Each operation gets its share of the budget, so a slow machine fuzzes every operation less rather than
    // the last ones (the destructive ones) not at all.
    long share = BUDGET.toNanos() / requestTypes.size();
    for (Map.Entry<String, Class<? extends Record>> operation : requestTypes.entrySet()) {
      long operationStarted = System.nanoTime();
      for (byte[] body : corpus.bodies(operation.getValue(), INPUTS_PER_OPERATION)) {
        if (System.nanoTime() - operationStarted > share) {
          stoppedEarly = true;
          break;
        }
        HttpResponse<String> response = call(operation.getKey(), body);
        tried++;
        String code = check(operation.getKey(), body, response, problems);
        histogram.merge(response.statusCode() + " " + code, 1, Integer::sum);
        byOperation
            .computeIfAbsent(operation.getKey(), k -> new TreeMap<>())
            .merge(response.statusCode() + " " + code.replace("Exception", ""), 1, Integer::sum);
      }
    }
    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

    System.out.println(
        "FuzzIT: seed " + seed + ", " + tried + " inputs over " + requestTypes.size() + " operations in " + seconds
            + " s" + (stoppedEarly ? " (some operations stopped at their share of the " + BUDGET.toSeconds() + " s budget)" : "")
            + "; status and code: " + histogram);
    byOperation.forEach((name, counts) -> System.out.println("FuzzIT:   " + name + " " + counts));
    HttpResponse<String> health = Http.get(cognate.endpoint().resolve("/_cognate/health"));
    assertEquals(200, health.statusCode(), "health after fuzzing: " + health.body());
    // Nothing the corpus stored may keep a listing from answering.
    int pools = cognito.listUserPoolsPaginator(r -> r.maxResults(60)).userPools().stream().mapToInt(p -> 1).sum();
    System.out.println("FuzzIT: afterwards ListUserPools still answers, listing " + pools + " pools");
    if (!problems.isEmpty()) {
      fail(problems.size() + " bad answers (seed " + seed + "), first ones:\n" + String.join("\n", problems));
    }
    // The operations taking an access token are fuzzed past its check only while the known token stays valid.
    assertTrue(
        byOperation.get("GetUser").containsKey("200 OK"),
        "the known access token still signed the user in when GetUser was fuzzed: " + byOperation.get("GetUser"));
  }

  /** Checks one answer; returns its error code, or "OK". */
  private static String check(String operation, byte[] body, HttpResponse<String> response, List<String> problems) {
    String what = operation + " " + abbreviate(new String(body, StandardCharsets.UTF_8)) + " -> "
        + response.statusCode() + " " + abbreviate(response.body());
    List<String> found = new ArrayList<>();
    if (response.statusCode() >= 500) {
      found.add("5xx");
    }
    String all = response.body() + "\n" + response.headers().map();
    if (STACK_FRAME.matcher(all).find() || CLASS_NAME.matcher(all).find() || RECORD_TEXT.matcher(all).find()) {
      found.add("internals leaked");
    }
    String code = "OK";
    if (response.statusCode() != 200) {
      code = envelopeCode(response, found);
    }
    if (!found.isEmpty() && problems.size() < 25) {
      problems.add(found + " " + what);
    }
    return code;
  }

  private static String envelopeCode(HttpResponse<String> response, List<String> found) {
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      found.add("error body is not JSON");
      return "?";
    }
    Set<String> keys = new TreeSet<>();
    for (Iterator<String> it = json == null ? List.<String>of().iterator() : json.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    if (json == null || !json.isObject() || !keys.equals(Set.of("__type", "message"))
        || !json.get("__type").isTextual() || !json.get("message").isTextual()) {
      found.add("not the AWS envelope");
      return "?";
    }
    String code = json.get("__type").asText();
    if (!response.headers().firstValue("x-amzn-ErrorType").orElse("").equals(code + ":")) {
      found.add("x-amzn-ErrorType does not match __type");
    }
    if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-amz-json-1.1")) {
      found.add("error content type");
    }
    return code;
  }

  /** Real ids and tokens, so that plausible requests get past "does not exist" into each operation's logic. */
  private Map<String, String> knownValues() {
    Pool pool =
        Pools.pool(
            cognito,
            b -> b.usernameConfiguration(c -> c.caseSensitive(false))
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL),
            c -> c.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
    Users.signUpConfirmed(cognito, cognate, pool, "fuzz-user", PASSWORD, Users.attr("email", "fuzz@example.com"));
    AuthenticationResultType tokens = Users.signIn(cognito, pool.clientId(), "fuzz-user", PASSWORD);
    Map<String, String> known = new LinkedHashMap<>();
    known.put("UserPoolId", pool.poolId());
    known.put("ClientId", pool.clientId());
    known.put("Username", "fuzz-user");
    known.put("Password", PASSWORD);
    known.put("AccessToken", tokens.accessToken());
    known.put("Token", tokens.refreshToken());
    known.put("ConfirmationCode", "123456");
    // The attribute verification operations reach their code check only for a verifiable attribute.
    known.put("AttributeName", "email");
    known.put("Code", "123456");
    // Attribute names and values: a standard attribute every pool has, with a value any attribute accepts.
    known.put("Name", "name");
    known.put("Value", "Fuzz Name");
    known.put("Filter", "name ^= \"F\"");
    known.put("PoolName", "fuzz pool");
    known.put("ClientName", "fuzz client");
    return known;
  }

  private static Map<String, Class<? extends Record>> requestTypes() {
    Map<String, Class<? extends Record>> types = new TreeMap<>(
        Comparator.comparing((String name) -> DESTRUCTIVE.indexOf(name)).thenComparing(Comparator.naturalOrder()));
    try (Engine engine = new Engine(CognateConfig.forTests().build())) {
      for (String name : engine.operations().names()) {
        Operation<?, ?> operation = engine.operations().find(name).orElseThrow();
        types.put(name, operation.requestType());
      }
    }
    return types;
  }

  private HttpResponse<String> call(String operation, byte[] body) throws IOException, InterruptedException {
    return Http.operation(cognate.endpoint(), operation, body);
  }

  private static String abbreviate(String s) {
    return s.length() <= 240 ? s : s.substring(0, 240) + "...(" + s.length() + " chars)";
  }
}
