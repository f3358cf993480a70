package dev.cognate.service;

import java.security.SecureRandom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.domain.User;
import dev.cognate.domain.UserStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {
  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  private static final String RIGHT = "Passw0rd!";

  private final VerifiedPasswords verified = new VerifiedPasswords();
  private final Passwords passwords = new Passwords(4, verified, new SecureRandom());

  @Test
  void aRightPasswordIsRememberedForItsHashAndAWrongOneNever() {
    User alice = user("alice-sub", passwords.hash(RIGHT));

    assertFalse(passwords.matches(alice, "Wr0ng!"));
    assertEquals(0, verified.size(), "a wrong password is never remembered");
    assertTrue(passwords.matches(alice, RIGHT));
    assertTrue(verified.contains(verified.entry("pool/alice-sub", alice.passwordHash(), RIGHT)));
    assertTrue(passwords.matches(alice, RIGHT), "the remembered password");
    assertFalse(passwords.matches(alice, "Wr0ng!"), "a wrong password after a remembered right one");
    assertEquals(1, verified.size());
  }

  @Test
  void aNewHashOfTheSamePasswordIsCheckedByBcryptAgain() {
    User before = user("bob-sub", passwords.hash(RIGHT));
    assertTrue(passwords.matches(before, RIGHT));

    User after = user("bob-sub", passwords.hash("N3w-passw0rd!"));
    assertFalse(passwords.matches(after, RIGHT), "the old password against the new hash");
    assertTrue(passwords.matches(after, "N3w-passw0rd!"));
  }

  @Test
  void everyPartOfTheEntryCounts() {
    var entry = verified.entry("pool/sub", "$2a$04$hash", RIGHT);

    assertEquals(entry, verified.entry("pool/sub", "$2a$04$hash", RIGHT));
    assertNotEquals(entry, verified.entry("pool/other", "$2a$04$hash", RIGHT));
    assertNotEquals(entry, verified.entry("pool/sub", "$2a$04$hasH", RIGHT));
    assertNotEquals(entry, verified.entry("pool/sub", "$2a$04$hash", RIGHT + " "));
    assertNotEquals(verified.entry("ab", "c", "d"), verified.entry("a", "bc", "d"), "parts do not run together");
    assertEquals(32, entry.remaining());
    assertFalse(
        new String(entry.array(), StandardCharsets.ISO_8859_1).contains(RIGHT), "the password is not in the entry");
  }

  @Test
  void anotherProcessSecretGivesOtherEntries() {
    assertNotEquals(
        verified.entry("pool/sub", "hash", RIGHT), new VerifiedPasswords().entry("pool/sub", "hash", RIGHT));
  }

  @Test
  void staysBoundedWhenManyThreadsAdd() throws Exception {
    int threads = 8;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            executor.submit(
                () -> {
                  for (int i = 0; i < VerifiedPasswords.CAPACITY; i++) {
                    verified.add(verified.entry("user-" + thread + "-" + i, "hash", RIGHT));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      executor.shutdownNow();
    }
    System.out.printf(
        "VerifiedPasswordsTest: %d threads added %d entries; %d kept (capacity %d)%n",
        threads, threads * VerifiedPasswords.CAPACITY, verified.size(), VerifiedPasswords.CAPACITY);
    assertTrue(verified.size() <= VerifiedPasswords.CAPACITY + threads, "size " + verified.size());
  }

  private static User user(String sub, String hash) {
    return User.created("pool", sub.replace("-sub", ""), sub, UserStatus.CONFIRMED, hash, Map.of(), NOW);
  }
}
