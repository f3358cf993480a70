package dev.cognate.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.domain.PasswordPolicy;
import dev.cognate.domain.StandardAttributes;
import dev.cognate.domain.UserPool;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pool store commits only documents it can read back. */
class JdbcPoolStoreTest {

  @Test
  void poolWhoseSettingsCannotBeStoredReadablyIsNotCommitted() {
    try (Database db = Database.open(Optional.empty())) {
      JdbcPoolStore store = new JdbcPoolStore(db);

      assertThrows(IllegalStateException.class, () -> store.insert(pool("us-east-1_deep", nested(1200))));

      assertTrue(store.find("us-east-1_deep").isEmpty());
      store.insert(pool("us-east-1_fine", nested(10)));
      assertEquals(List.of("us-east-1_fine"), store.list(0, 10).items().stream().map(UserPool::id).toList());
    }
  }

  private static Map<String, Object> nested(int depth) {
    Map<String, Object> root = new HashMap<>();
    Map<String, Object> current = root;
    for (int i = 1; i < depth; i++) {
      Map<String, Object> inner = new HashMap<>();
      current.put("a", inner);
      current = inner;
    }
    return root;
  }

  private static UserPool pool(String id, Map<String, Object> lambdaConfig) {
    Instant now = Instant.EPOCH;
    return new UserPool(
        id, "p", "arn", now, now, PasswordPolicy.API_DEFAULT, StandardAttributes.schema(), List.of(), List.of(),
        List.of(), true, false, "OFF", "INACTIVE", "ESSENTIALS", Map.of("LambdaConfig", lambdaConfig));
  }
}
