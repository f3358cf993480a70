package dev.cognate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognate.Cognate;
import dev.cognate.support.Http;
import dev.cognate.support.Pools;
import dev.cognate.support.TestEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * An import that brings a pool other signing keys than it had, while clients fetch that pool's JWKS: once the import
 * is done and the fetches in flight have ended, the JWKS shows the imported keys, never the replaced ones kept in
 * memory by a fetch that read them just before the import.
 */
class KeysImportRaceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROUNDS = 60;

  @Test
  void afterAnImportTheJwksShowsTheImportedKeys() throws Exception {
    try (Cognate cognate = TestEmulator.start();
        CognitoIdentityProviderClient cognito = TestEmulator.client(cognate)) {
      String pool = Pools.defaultPool(cognito).poolId();
      String other = Pools.defaultPool(cognito).poolId();
      jwksKids(cognate, pool);
      jwksKids(cognate, other);
      ObjectNode first = (ObjectNode) JSON.readTree(cognate.exportState(true));
      // The same state with the two pools' keys swapped: the pool keeps its id and gets other keys.
      ObjectNode second = first.deepCopy();
      for (JsonNode key : second.get("tables").get("signing_keys")) {
        String owner = key.get("pool_id").asText();
        ((ObjectNode) key).put("pool_id", owner.equals(pool) ? other : pool);
      }
      List<String> documents = List.of(first.toString(), second.toString());
      List<Set<String>> expected = List.of(kidsIn(first, pool), kidsIn(second, pool));

      ExecutorService fetchers = Executors.newFixedThreadPool(3);
      int stale = 0;
      try {
        for (int round = 0; round < ROUNDS; round++) {
          List<Future<?>> inFlight = new ArrayList<>();
          for (int f = 0; f < 3; f++) {
            inFlight.add(fetchers.submit(() -> {
              for (int i = 0; i < 15; i++) {
                Http.get(cognate.endpoint().resolve("/" + pool + "/.well-known/jwks.json"));
              }
              return null;
            }));
          }
          int which = round % 2;
          // Two imports back to back, as one test class after another: the first empties the keys in memory, so
          // fetches read them from the database while the second runs.
          cognate.importState(documents.get(1 - which));
          cognate.importState(documents.get(which));
          for (Future<?> f : inFlight) {
            f.get(60, TimeUnit.SECONDS);
          }
          if (!jwksKids(cognate, pool).equals(expected.get(which))) {
            stale++;
          }
        }
      } finally {
        fetchers.shutdownNow();
      }
      System.out.println("KeysImportRaceIT: " + ROUNDS + " pairs of imports swapping a pool's keys under 3 JWKS fetchers;"
          + " rounds after which the JWKS showed the replaced keys: " + stale);
      assertEquals(0, stale);
    }
  }

  private static Set<String> kidsIn(JsonNode state, String pool) {
    Set<String> kids = new TreeSet<>();
    for (JsonNode key : state.get("tables").get("signing_keys")) {
      if (key.get("pool_id").asText().equals(pool)) {
        kids.add(key.get("kid").asText());
      }
    }
    return kids;
  }

  private static Set<String> jwksKids(Cognate cognate, String pool) throws Exception {
    JsonNode jwks = JSON.readTree(Http.get(cognate.endpoint().resolve("/" + pool + "/.well-known/jwks.json")).body());
    Set<String> kids = new TreeSet<>();
    jwks.get("keys").forEach(k -> kids.add(k.get("kid").asText()));
    return kids;
  }
}
