package dev.cognate.token;

import com.nimbusds.jose.jwk.JWKSet;
import dev.cognate.storage.KeyStore;
import dev.cognate.storage.KeyStore.StoredKey;
import dev.cognate.storage.ParentGoneException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each pool's two RSA keys (one signs ID tokens, one access tokens, as in Cognito), stored in the database so
 * tokens survive restarts, and kept parsed in memory.
 */
public final class SigningKeys {
  static final String ID = "id";
  static final String ACCESS = "access";

  private final KeyStore store;
  private final RsaKeyPairs pairs = RsaKeyPairs.SHARED;
  private final Map<String, PoolKeys> cache = new ConcurrentHashMap<>();

  public SigningKeys(KeyStore store) {
    this.store = store;
  }

  /** The signing keys of one pool. */
  public record PoolKeys(SigningKey id, SigningKey access, Map<String, Object> jwks) {
    PoolKeys(SigningKey id, SigningKey access) {
      // The public keys only, made once: a pool's keys never change.
      this(
          id,
          access,
          Collections.unmodifiableMap(new JWKSet(List.of(id.publicJwk(), access.publicJwk())).toJSONObject(true)));
    }
  }

  /** Begins generating key pairs for the pools created next; called as a pool is created. */
  public void prepareAhead() {
    pairs.prepareAhead();
  }

  /**
   * The keys of an existing pool, created on first use: many pools (validation tests, say) never issue a token,
   * and two RSA-2048 keys would make CreateUserPool the slowest call by far. Two first uses at once may both
   * generate keys; the database's primary key lets one set in and both use it.
   */
  public PoolKeys forPool(String userPoolId) {
    PoolKeys cached = cache.get(userPoolId);
    if (cached != null) {
      return cached;
    }
    List<StoredKey> stored = store.find(userPoolId);
    if (stored.isEmpty()) {
      List<StoredKey> fresh = List.of(stored(ID, pairs.next()), stored(ACCESS, pairs.next()));
      stored = store.insertIfAbsent(userPoolId, fresh) ? fresh : store.find(userPoolId);
    }
    if (stored.isEmpty()) {
      // Another request stored keys first, and the pool was deleted, keys and all, before they could be read.
      throw new ParentGoneException();
    }
    return remember(userPoolId, parsed(stored));
  }

  /** The keys of a pool already in memory: it exists, since deleting a pool drops them. */
  public Optional<PoolKeys> inMemory(String userPoolId) {
    return Optional.ofNullable(cache.get(userPoolId));
  }

  /** The keys of a pool that has issued tokens, without creating any: verifying a token must not create keys. */
  public Optional<PoolKeys> existing(String userPoolId) {
    PoolKeys cached = cache.get(userPoolId);
    if (cached != null) {
      return Optional.of(cached);
    }
    List<StoredKey> stored = store.find(userPoolId);
    return stored.isEmpty() ? Optional.empty() : Optional.of(remember(userPoolId, parsed(stored)));
  }

  /**
   * Keeps a pool's keys in memory, where they count as proof that the pool exists. A DeleteUserPool that forgot the
   * pool's keys after they were read but before they were kept would leave them behind for good, so the database is
   * asked again once they are kept: a pool gone by then takes its keys out of memory again. An import (or a reset
   * whose template pool has made new keys) may likewise have replaced the keys meanwhile: then the stored ones are
   * kept instead, or the emulator would sign with keys its JWKS no longer matches in the database.
   */
  private PoolKeys remember(String userPoolId, PoolKeys keys) {
    PoolKeys candidate = keys;
    while (true) {
      PoolKeys earlier = cache.putIfAbsent(userPoolId, candidate);
      PoolKeys kept = earlier != null ? earlier : candidate;
      List<StoredKey> stored = store.find(userPoolId);
      if (stored.isEmpty()) {
        cache.remove(userPoolId, kept);
        throw new ParentGoneException();
      }
      if (sameKeys(stored, kept)) {
        return kept;
      }
      cache.remove(userPoolId, kept);
      candidate = parsed(stored);
    }
  }

  private static boolean sameKeys(List<StoredKey> stored, PoolKeys kept) {
    return stored.stream()
        .allMatch(k -> k.kid().equals((k.purpose().equals(ID) ? kept.id() : kept.access()).kid()));
  }

  private static PoolKeys parsed(List<StoredKey> stored) {
    return new PoolKeys(parse(stored, ID), parse(stored, ACCESS));
  }

  /**
   * Parses a pool's stored keys, if it has any, without keeping them: an import checks with this that the keys it
   * brings can sign, and must not leave keys in memory should it be refused afterwards.
   *
   * @throws IllegalStateException when they cannot be parsed or one of the two is missing
   */
  public void checkStored(String userPoolId) {
    List<StoredKey> stored = store.find(userPoolId);
    if (!stored.isEmpty()) {
      parsed(stored);
    }
  }

  /** Drops every pool's keys from memory, after the stored state was wiped or replaced. */
  public void forgetAll() {
    cache.clear();
  }

  /** Drops a deleted pool's keys from memory; the database rows went with the pool. */
  public void forget(String userPoolId) {
    cache.remove(userPoolId);
  }

  private static StoredKey stored(String purpose, KeyPair pair) {
    byte[] publicKey = pair.getPublic().getEncoded();
    return new StoredKey(purpose, kid(publicKey), pair.getPrivate().getEncoded(), publicKey);
  }

  /** Cognito's kids are 44-character base64 strings; a digest of the public key gives the same shape, stably. */
  private static String kid(byte[] publicKey) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(publicKey));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static SigningKey parse(List<StoredKey> stored, String purpose) {
    StoredKey key =
        stored.stream()
            .filter(k -> k.purpose().equals(purpose))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("pool has no " + purpose + " key"));
    try {
      KeyFactory rsa = RsaProvider.keyFactory();
      RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(key.publicKey()));
      PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(key.privateKey()));
      return new SigningKey(key.kid(), publicKey, privateKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored key of " + purpose + " is unreadable", e);
    }
  }
}
