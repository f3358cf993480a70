package dev.cognate.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The passwords bcrypt has already found right, so that signing the same user in again (what a test suite does all
 * day) skips the hash. An entry is an HMAC, under a secret drawn afresh by each process, of the user, the stored
 * hash and the password: the password itself is never kept, and the entry is useless outside this process. Any
 * new password comes with a new hash (bcrypt salts every one), which no entry names, so a changed or reset password
 * needs no invalidation. Only right passwords are ever added.
 */
final class VerifiedPasswords {
  static final int CAPACITY = 4096;
  private static final String HMAC = "HmacSHA256";

  private final SecretKeySpec secret;
  private final Set<ByteBuffer> verified = ConcurrentHashMap.newKeySet();

  VerifiedPasswords() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    this.secret = new SecretKeySpec(bytes, HMAC);
  }

  /** The entry naming this password of this user as stored with this hash. */
  ByteBuffer entry(String user, String hash, String password) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(secret);
      // Each part is length-prefixed, so no two different triples run together into the same input.
      for (String part : new String[] {user, hash, password}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        mac.update(bytes);
      }
      return ByteBuffer.wrap(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no " + HMAC, e);
    }
  }

  boolean contains(ByteBuffer entry) {
    return verified.contains(entry);
  }

  /** Remembers a right password; past the capacity arbitrary other entries make room, each costing a bcrypt later. */
  void add(ByteBuffer entry) {
    verified.add(entry);
    Iterator<ByteBuffer> others = verified.iterator();
    while (verified.size() > CAPACITY && others.hasNext()) {
      ByteBuffer other = others.next();
      if (!other.equals(entry)) {
        verified.remove(other);
      }
    }
  }

  /** Forgets every entry, when the stored state is wiped or replaced. */
  void clear() {
    verified.clear();
  }

  int size() {
    return verified.size();
  }
}
