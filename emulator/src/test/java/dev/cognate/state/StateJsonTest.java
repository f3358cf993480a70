package dev.cognate.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cognate.storage.StateStore.Snapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateJsonTest {
  private static final int IMPORT_LIMIT = 64 * 1024 * 1024;

  @Test
  void aLargestImportOfSmallRowsIsHeldInAFewHundredMegabytes() {
    String document = filled("{\"seq\":1},");
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    long start = System.nanoTime();
    Snapshot snapshot = StateJson.read(document);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.gc();
    long held = (runtime.totalMemory() - runtime.freeMemory() - before) / (1024 * 1024);
    int rows = snapshot.tables().get("users").size();
    System.out.println("StateJsonTest: 64 MiB of " + rows + " small rows read in " + millis
        + " ms (under contention), holding " + held + " MiB");
    // Read into a tree first, the same document held 1.2 GB and passed through 2.8 GB: more than a CI runner's heap.
    assertTrue(held < 512, held + " MiB held");
    assertEquals(Map.of("seq", 1L), snapshot.tables().get("users").get(0));
  }

  @Test
  void aDocumentOfRowsThatAreNotObjectsIsRefusedAtTheFirst() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> StateJson.read(filled("[],")));
    assertEquals("row 1 of table users must be an object", refused.getMessage());
  }

  @Test
  void fieldsMayComeInAnyOrderAndUnknownOnesAreIgnored() {
    Snapshot snapshot =
        StateJson.read(
            "{\"tables\": {\"users\": [{\"a\": \"x\", \"b\": null, \"c\": true, \"d\": -5}]}, \"extra\": [1, {}],"
                + " \"schemaVersion\": 3, \"keys\": false, \"version\": 1, \"format\": \"cognate-state\"}");
    assertEquals(3, snapshot.schemaVersion());
    Map<String, Object> row = snapshot.tables().get("users").get(0);
    assertEquals(List.of("x", true, -5L), List.of(row.get("a"), row.get("c"), row.get("d")));
    assertTrue(row.containsKey("b") && row.get("b") == null);
  }

  @Test
  void valuesThatAreNotScalarsOrWholeNumbersAreRefused() {
    for (String value : List.of("1.5", "[1]", "{\"x\": 1}", "99999999999999999999")) {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () -> StateJson.read(
                  "{\"format\": \"cognate-state\", \"version\": 1, \"schemaVersion\": 1, \"tables\": {\"users\":"
                      + " [{\"seq\": 1}, {\"name\": " + value + "}]}}"),
              value);
      assertEquals(
          "row 2 of table users: name must be a string, a whole number, true, false or null", refused.getMessage());
    }
  }

  private static String filled(String row) {
    StringBuilder b = new StringBuilder(IMPORT_LIMIT);
    b.append("{\"format\":\"cognate-state\",\"version\":1,\"schemaVersion\":1,\"keys\":false,\"tables\":{\"users\":[");
    while (b.length() < IMPORT_LIMIT - 20) {
      b.append(row);
    }
    b.setLength(b.length() - 1);
    return b.append("]}}").toString();
  }
}
