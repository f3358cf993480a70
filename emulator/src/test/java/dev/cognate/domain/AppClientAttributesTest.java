package dev.cognate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppClientAttributesTest {

  private static AppClient client(Map<String, Object> echoed) {
    return new AppClient(
        "us-east-1_abcdefghi", "client", "web", Optional.empty(), Instant.EPOCH, Instant.EPOCH,
        AppClient.DEFAULT_FLOWS, TokenValidity.DEFAULT, false, true, 3, echoed);
  }

  @Test
  void aClientNamingNoAttributesReadsAllButDeveloperOnlyOnes() {
    AppClient open = client(Map.of());
    for (String name : List.of("sub", "email", "email_verified", "custom:team", "phone_number_verified")) {
      assertTrue(open.canRead(name), name);
    }
    assertFalse(open.canRead("dev:custom:secret"));
  }

  @Test
  void aClientNamingNoAttributesWritesAllButSubVerifiedFlagsAndDeveloperOnlyOnes() {
    AppClient open = client(Map.of());
    assertTrue(open.canWrite("email"));
    assertTrue(open.canWrite("custom:team"));
    for (String name : List.of("sub", "email_verified", "phone_number_verified", "dev:custom:secret")) {
      assertFalse(open.canWrite(name), name);
    }
  }

  @Test
  void aClientNamingAttributesReadsThoseWithTheirVerifiedFlagsAndSub() {
    AppClient limited = client(Map.of("ReadAttributes", List.of("email"), "WriteAttributes", List.of("name")));
    assertTrue(limited.canRead("email"));
    assertTrue(limited.canRead("email_verified"), "a verified flag follows its attribute");
    assertTrue(limited.canRead("sub"));
    assertFalse(limited.canRead("phone_number_verified"));
    assertFalse(limited.canRead("name"));
    assertTrue(limited.canWrite("name"));
    assertFalse(limited.canWrite("email"));

    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("sub", "s");
    attributes.put("name", "n");
    attributes.put("email", "e@example.com");
    attributes.put("email_verified", "true");
    assertEquals(List.of("sub", "email", "email_verified"), List.copyOf(limited.readable(attributes).keySet()));
  }
}
