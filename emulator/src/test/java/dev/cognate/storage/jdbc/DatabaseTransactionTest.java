package dev.cognate.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseTransactionTest {

  /**
   * A transaction cut off by an Error (an assertion, a stack overflow, running out of memory) must leave nothing
   * behind: turning auto-commit back on would otherwise commit its half-done work on the way out.
   */
  @Test
  void aTransactionEndedByAnErrorCommitsNothing() {
    try (Database db = Database.open(Optional.empty())) {
      db.update("CREATE TABLE halves (x INT)");
      assertThrows(
          AssertionError.class,
          () ->
              db.transaction(
                  c -> {
                    Database.update(c, "INSERT INTO halves (x) VALUES (1)");
                    throw new AssertionError("cut off midway");
                  }));
      long rows = db.read(c -> Database.query(c, "SELECT COUNT(*) FROM halves", rs -> rs.getLong(1)).get(0));
      System.out.println("a transaction cut off by an Error after one insert left " + rows + " rows");
      assertEquals(0, rows);
    }
  }
}
