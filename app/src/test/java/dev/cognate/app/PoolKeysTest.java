package dev.cognate.app;

import dev.cognate.testing.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWKS cache: one fetch, one refetch on an unknown kid, and no more than that within the rate limit. */
class PoolKeysTest {
  private static RSAKey first;
  private static RSAKey second;

  private JwksServer jwks;
  private MutableClock clock;
  private PoolKeys keys;

  @BeforeAll
  static void generate() throws Exception {
    first = new RSAKeyGenerator(2048).keyID("first").generate();
    second = new RSAKeyGenerator(2048).keyID("second").generate();
  }

  @BeforeEach
  void serve() {
    jwks = new JwksServer().publish(new JWKSet(first));
    clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));
    keys = new PoolKeys(jwks.uri(), clock);
  }

  @AfterEach
  void stop() {
    jwks.close();
  }

  @Test
  void nothingIsFetchedBeforeTheFirstToken() {
    assertEquals(0, jwks.hits());
  }

  @Test
  void theKeysAreFetchedOnceAndCached() {
    assertEquals(first.toPublicJWK(), keys.find("first").orElseThrow());
    assertEquals(1, jwks.hits());
    for (int i = 0; i < 5; i++) {
      assertEquals(first.toPublicJWK(), keys.find("first").orElseThrow());
    }
    clock.advance(Duration.ofDays(1));
    assertTrue(keys.find("first").isPresent());
    assertEquals(1, jwks.hits(), "a known kid never causes a fetch");
    assertTrue(keys.find("first").orElseThrow().isPrivate() == false, "only public parts are served");
  }

  @Test
  void anUnknownKidRefetchesOnceThenNotAgainWithinTheRateLimit() {
    assertTrue(keys.find("first").isPresent());
    assertEquals(1, jwks.hits());

    // The pool rotates its keys; past the rate limit an unknown kid refetches, once.
    jwks.publish(new JWKSet(List.of(first, second)));
    clock.advance(PoolKeys.MIN_REFETCH);
    assertEquals(second.toPublicJWK(), keys.find("second").orElseThrow());
    assertEquals(2, jwks.hits());
    assertTrue(keys.find("second").isPresent());
    assertEquals(2, jwks.hits());

    // Random kids right after that do not make the app hammer the JWKS.
    for (int i = 0; i < 10; i++) {
      assertTrue(keys.find("random-" + i).isEmpty());
    }
    clock.advance(PoolKeys.MIN_REFETCH.minusSeconds(1));
    assertTrue(keys.find("random").isEmpty());
    assertEquals(2, jwks.hits());

    // Once the limit has passed, one more refetch.
    clock.advance(Duration.ofSeconds(1));
    assertTrue(keys.find("random").isEmpty());
    assertEquals(3, jwks.hits());
    assertTrue(keys.find("random").isEmpty());
    assertEquals(3, jwks.hits());
    assertTrue(keys.find("first").isPresent());
    assertEquals(3, jwks.hits());
  }

  @Test
  void aKeyPublishedRightAfterTheFirstFetchWaitsForTheRateLimit() {
    assertTrue(keys.find("second").isEmpty());
    assertEquals(1, jwks.hits());
    jwks.publish(new JWKSet(List.of(first, second)));
    assertTrue(keys.find("second").isEmpty(), "within the rate limit the cache is not refreshed");
    assertEquals(1, jwks.hits());
    clock.advance(PoolKeys.MIN_REFETCH);
    assertTrue(keys.find("second").isPresent());
    assertEquals(2, jwks.hits());
  }

  @Test
  void aFailingJwksKeepsTheCachedKeys() {
    assertTrue(keys.find("first").isPresent());
    jwks.fail(500);
    clock.advance(PoolKeys.MIN_REFETCH);
    assertTrue(keys.find("second").isEmpty());
    assertEquals(2, jwks.hits());
    assertTrue(keys.find("first").isPresent(), "a failed refetch does not forget the keys");
    assertEquals(2, jwks.hits());
  }

  @Test
  void anUnreachableJwksFindsNothingAndDoesNotThrow() {
    PoolKeys unreachable = new PoolKeys(URI.create("http://127.0.0.1:1/pool/.well-known/jwks.json"), clock);
    assertTrue(unreachable.find("first").isEmpty());
  }

  @Test
  void aNonRsaKeyIsNotFound() throws Exception {
    jwks.publish(new JWKSet(List.of(first, new ECKeyGenerator(Curve.P_256).keyID("ec").generate())));
    assertTrue(keys.find("ec").isEmpty());
    assertTrue(keys.find("first").isPresent());
  }
}
