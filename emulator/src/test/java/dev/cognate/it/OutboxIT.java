package dev.cognate.it;

import static dev.cognate.support.Users.signUp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognate.Cognate;
import dev.cognate.domain.SentCode;
import dev.cognate.support.EmulatorExtension;
import dev.cognate.support.Http;
import dev.cognate.support.Pool;
import dev.cognate.support.Pools;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The outbox read a whole pool at a time, over {@code /_cognate/codes} without a username and from Java. */
class OutboxIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final EmulatorExtension emulator = EmulatorExtension.start();
  private final Cognate cognate = emulator.cognate();
  private final CognitoIdentityProviderClient cognito = emulator.cognito();

  @Test
  void aPoolsCodesAreListedNewestLastOverHttpAndFromJava() throws Exception {
    Pool pool = Pools.appPool(cognito);
    Pool other = Pools.appPool(cognito);
    signUp(cognito, pool, "alice", "alice@example.com");
    signUp(cognito, other, "olga", "olga@example.com");
    signUp(cognito, pool, "bob", "bob@example.com");
    cognito.resendConfirmationCode(r -> r.clientId(pool.clientId()).username("alice"));

    List<SentCode> codes = cognate.outbox().codes(pool.poolId());
    assertEquals(List.of("alice", "bob", "alice"), codes.stream().map(SentCode::username).toList());
    assertEquals(List.of(pool.poolId()), codes.stream().map(SentCode::userPoolId).distinct().toList());
    assertEquals(
        cognate.outbox().lastCode(pool.poolId(), "alice").orElseThrow(), codes.get(codes.size() - 1).code());

    HttpResponse<String> response = Http.codes(cognate.endpoint(), pool.poolId());
    assertEquals(200, response.statusCode(), response.body());
    JsonNode listed = JSON.readTree(response.body()).get("codes");
    List<String> usernames = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      JsonNode code = listed.get(i);
      usernames.add(code.get("username").asText());
      assertEquals(codes.get(i).code(), code.get("code").asText(), response.body());
      assertEquals(pool.poolId(), code.get("userPoolId").asText(), response.body());
      assertEquals("SIGN_UP", code.get("purpose").asText(), response.body());
      assertEquals("EMAIL", code.get("deliveryMedium").asText(), response.body());
      assertEquals(codes.get(i).destination(), code.get("destination").asText(), response.body());
    }
    assertEquals(List.of("alice", "bob", "alice"), usernames);
    System.out.println("OutboxIT: GET /_cognate/codes?userPoolId= -> " + response.body());
  }

  @Test
  void aPoolWithoutCodesAndAnUnknownPoolListNone() throws Exception {
    Pool quiet = Pools.appPool(cognito);
    for (String poolId : List.of(quiet.poolId(), "us-east-1_nosuchpoo")) {
      assertEquals(List.of(), cognate.outbox().codes(poolId));
      HttpResponse<String> response = Http.codes(cognate.endpoint(), poolId);
      assertEquals(200, response.statusCode(), response.body());
      assertEquals("{\"codes\":[]}", response.body());
    }
  }

  @Test
  void aDeletedPoolsCodesGoWithIt() {
    Pool pool = Pools.appPool(cognito);
    signUp(cognito, pool, "carol", "carol@example.com");
    assertEquals(1, cognate.outbox().codes(pool.poolId()).size());
    cognito.deleteUserPool(r -> r.userPoolId(pool.poolId()));
    assertEquals(List.of(), cognate.outbox().codes(pool.poolId()));
  }
}
