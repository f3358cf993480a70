package dev.cognate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every operation the emulator registers is listed in README.md's operations table. */
class OperationsDocumentedTest {

  @Test
  void everyRegisteredOperationHasAReadmeRow() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String table = readme.substring(readme.indexOf("## Operations"), readme.indexOf("### Not emulated yet"));
    try (Engine engine = new Engine(CognateConfig.forTests().build())) {
      List<String> missing =
          engine.operations().names().stream().filter(name -> !table.contains("`" + name + "`")).toList();
      assertEquals(List.of(), missing);
    }
  }
}
