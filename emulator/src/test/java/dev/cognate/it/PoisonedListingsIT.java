package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.CognateConfig;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import dev.cognate.support.TestEmulator;
import dev.cognate.support.Users;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/**
 * What cannot be read back is never stored, and a stored row that cannot be read does not take a listing down: a
 * body nested too deep is refused before anything is written, and a database poisoned behind Cognate's back
 * still lists every readable pool and client.
 */
class PoisonedListingsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void deeplyNestedLambdaConfigIsRefusedAndNothingIsStored(@TempDir Path dataDir) throws Exception {
    try (Cognate cognate = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir))) {
      HttpResponse<String> created =
          call(cognate, "CreateUserPool", "{\"PoolName\":\"deep\",\"LambdaConfig\":" + nested(999) + "}");

      assertSerializationException(created);
      HttpResponse<String> listed = call(cognate, "ListUserPools", "{\"MaxResults\":60}");
      assertEquals(200, listed.statusCode(), listed.body());
      assertEquals(0, JSON.readTree(listed.body()).get("UserPools").size(), listed.body());
    }
    try (Cognate restarted = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir))) {
      HttpResponse<String> listed = call(restarted, "ListUserPools", "{\"MaxResults\":60}");
      assertEquals(200, listed.statusCode(), listed.body());
    }
  }

  @Test
  void deeplyNestedAnalyticsConfigurationIsRefusedAndNothingIsStored() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String poolId = Pools.userPool(cognito, b -> {});

      HttpResponse<String> created =
          call(
              cognate,
              "CreateUserPoolClient",
              "{\"UserPoolId\":\"" + poolId + "\",\"ClientName\":\"deep\",\"AnalyticsConfiguration\":"
                  + nested(999) + "}");

      assertSerializationException(created);
      assertEquals(0, cognito.listUserPoolClients(r -> r.userPoolId(poolId)).userPoolClients().size());
    }
  }

  @Test
  void nestingWellBeyondAnyRealRequestIsAccepted() throws Exception {
    try (Cognate cognate = TestEmulator.start()) {
      HttpResponse<String> created =
          call(cognate, "CreateUserPool", "{\"PoolName\":\"nested\",\"LambdaConfig\":" + nested(30) + "}");

      assertEquals(200, created.statusCode(), created.body());
      HttpResponse<String> listed = call(cognate, "ListUserPools", "{\"MaxResults\":60}");
      assertEquals(200, listed.statusCode(), listed.body());
      assertEquals(1, JSON.readTree(listed.body()).get("UserPools").size(), listed.body());
    }
  }

  @Test
  void listingsSkipRowsThatCannotBeRead(@TempDir Path dataDir) throws Exception {
    Set<String> goodPools = new TreeSet<>();
    Pool withClient;
    try (Cognate first = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
        CognitoIdentityProviderClient cognito = TestEmulator.client(first)) {
      withClient = Pools.defaultPool(cognito);
      goodPools.add(withClient.poolId());
      goodPools.add(Pools.userPool(cognito, b -> b.poolName("second")));
    }
    // Poisoned the way an older Cognate could leave it: documents its reader refuses, between good rows.
    try (Connection c =
        DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("cognate"), "sa", "")) {
      insert(c, "INSERT INTO user_pools (id, settings) VALUES (?, ?)", "us-east-1_Truncated", "{\"id\":");
      insert(
          c,
          "INSERT INTO user_pools (id, settings) VALUES (?, ?)",
          "us-east-1_TooDeep",
          "{\"id\":\"us-east-1_TooDeep\",\"echoed\":{\"LambdaConfig\":" + nested(2000) + "}}");
      insert(
          c,
          "INSERT INTO app_clients (client_id, pool_id, settings) VALUES (?, ?, ?)",
          "poisonedclient",
          withClient.poolId(),
          "[1,2");
    }
    try (Cognate second = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
        CognitoIdentityProviderClient cognito = TestEmulator.client(second)) {
      goodPools.add(Pools.userPool(cognito, b -> b.poolName("after")));

      Set<String> listed = new TreeSet<>();
      int pages = 0;
      String next = null;
      do {
        String token = next;
        ListUserPoolsResponse page = cognito.listUserPools(r -> r.maxResults(1).nextToken(token));
        page.userPools().stream().map(UserPoolDescriptionType::id).forEach(listed::add);
        next = page.nextToken();
        pages++;
      } while (next != null && pages < 20);
      assertEquals(goodPools, listed);
      assertEquals(
          goodPools,
          cognito.listUserPools(r -> r.maxResults(60)).userPools().stream()
              .map(UserPoolDescriptionType::id)
              .collect(Collectors.toCollection(TreeSet::new)));

      List<String> clients = new ArrayList<>();
      cognito.listUserPoolClients(r -> r.userPoolId(withClient.poolId())).userPoolClients().stream()
          .map(UserPoolClientDescription::clientId)
          .forEach(clients::add);
      assertEquals(List.of(withClient.clientId()), clients);
      HttpResponse<String> health = Http.get(second.endpoint().resolve("/_cognate/health"));
      assertEquals(200, health.statusCode());
      System.out.println(
          "PoisonedListingsIT: 2 unreadable pool rows and 1 unreadable client row written with JDBC; ListUserPools"
              + " in " + pages + " pages of 1 and ListUserPoolClients answered 200 with every readable row");
    }
  }

  @Test
  void poolStoredWithABoundThatIsNotANumberStillTakesSignUps(@TempDir Path dataDir) throws Exception {
    Pool pool;
    try (Cognate first = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
        CognitoIdentityProviderClient cognito = TestEmulator.client(first)) {
      pool = Pools.defaultPool(cognito);
    }
    // What an older Cognate accepted and stored: a MaxLength that is not a number.
    try (Connection c =
            DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("cognate"), "sa", "");
        PreparedStatement st =
            c.prepareStatement("UPDATE user_pools SET settings = REPLACE(settings, '\"2048\"', '\"abc\"')")) {
      assertEquals(1, st.executeUpdate());
    }
    try (Cognate second = TestEmulator.start(CognateConfig.forTests().dataDir(dataDir));
        CognitoIdentityProviderClient cognito = TestEmulator.client(second)) {
      cognito.signUp(
          r -> r.clientId(pool.clientId())
              .username("legacy")
              .password("Passw0rd!")
              .userAttributes(Users.attr("name", "Legacy Name")));

      assertEquals(1, cognito.listUsers(r -> r.userPoolId(pool.poolId())).users().size());
    }
  }

  private static void insert(Connection c, String sql, String... values) throws Exception {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        st.setString(i + 1, values[i]);
      }
      st.executeUpdate();
    }
  }

  /** A JSON object {@code depth} levels deep: {"a":{"a":...{}...}}. */
  private static String nested(int depth) {
    return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
  }

  private static void assertSerializationException(HttpResponse<String> response) throws Exception {
    assertEquals(400, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("SerializationException", body.get("__type").asText(), response.body());
    assertTrue(body.get("message").isTextual(), response.body());
  }

  private static HttpResponse<String> call(Cognate cognate, String operation, String body) throws Exception {
    return Http.operation(cognate.endpoint(), operation, body.getBytes(StandardCharsets.UTF_8));
  }
}
