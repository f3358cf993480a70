package dev.cognate.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodeSenderTest {
  @Test
  void masksLikeCognito() {
    assertEquals("a***@e***", CodeSender.mask("alice@example.com"));
    assertEquals("+*******0123", CodeSender.mask("+15555550123"));
  }

  @Test
  void secretHashIsBase64HmacOfUsernameAndClientId() {
    // Reference value computed independently: printf 'aliceclient1' | openssl dgst -sha256 -hmac secret -binary | base64
    assertEquals("1f+jIZ5jrvd9T9LKNEBwDVXuGhIxTem62DTEPkKb29k=", SecretHash.compute("secret", "alice", "client1"));
  }
}
