package dev.cognate.app;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user pool's public signing keys, fetched from its JWKS URL and cached. An unknown {@code kid} triggers one
 * refetch (the pool may have new keys), at most once every {@link #MIN_REFETCH}, so random kids cannot make the
 * app hammer Cognito.
 */
public final class PoolKeys {
  static final Duration MIN_REFETCH = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(PoolKeys.class);

  private final URI jwksUri;
  private final HttpClient http;
  private final Clock clock;
  private volatile JWKSet keys = new JWKSet();
  private volatile Instant lastFetch = Instant.MIN;

  public PoolKeys(URI jwksUri, Clock clock) {
    this.jwksUri = jwksUri;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public Optional<RSAKey> find(String kid) {
    JWK key = keys.getKeyByKeyId(kid);
    if (key == null && refetchAllowed()) {
      key = fetch().getKeyByKeyId(kid);
    }
    return key instanceof RSAKey rsa ? Optional.of(rsa) : Optional.empty();
  }

  private synchronized boolean refetchAllowed() {
    Instant now = clock.instant();
    if (lastFetch != Instant.MIN && now.isBefore(lastFetch.plus(MIN_REFETCH))) {
      return false;
    }
    lastFetch = now;
    return true;
  }

  private JWKSet fetch() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.warn("JWKS {} answered {}", jwksUri, response.statusCode());
        return keys;
      }
      keys = JWKSet.parse(response.body());
    } catch (IOException | ParseException e) {
      LOG.warn("Cannot fetch JWKS {}: {}", jwksUri, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return keys;
  }
}
