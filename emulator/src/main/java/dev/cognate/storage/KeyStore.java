package dev.cognate.storage;

import java.util.List;

/** The RSA key pairs of each pool, kept so tokens stay valid across restarts. */
public interface KeyStore {

  /** A key pair in encoded form: PKCS#8 private key, X.509 public key. */
  record StoredKey(String purpose, String kid, byte[] privateKey, byte[] publicKey) {}

  List<StoredKey> find(String userPoolId);

  /** Stores a pool's keys unless it has some already; false then, and the stored ones stand. */
  boolean insertIfAbsent(String userPoolId, List<StoredKey> keys);
}
