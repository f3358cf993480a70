package dev.cognate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering rules of the emulator, checked on its sources. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/dev/cognate");

  private static List<String> offenders(String importPrefix, List<String> allowedPackages) throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> allowedPackages.stream().noneMatch(allowed -> MAIN.relativize(p).toString().startsWith(allowed)))
          .filter(p -> read(p).lines().anyMatch(line -> line.startsWith("import " + importPrefix)))
          .map(p -> MAIN.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void onlyTheHttpLayerKnowsJavalin() throws IOException {
    assertEquals(List.of(), offenders("io.javalin", List.of("protocol/", "dev/", "cli/")));
  }

  @Test
  void onlyTheJdbcStoresKnowJdbc() throws IOException {
    assertEquals(List.of(), offenders("java.sql", List.of("storage/jdbc/")));
    assertEquals(List.of(), offenders("org.h2", List.of("storage/jdbc/")));
  }

  @Test
  void onlyTheTestSupportKnowsTheSdkAndJunit() throws IOException {
    assertEquals(List.of(), offenders("software.amazon.awssdk", List.of("testing/", "junit/")));
    assertEquals(List.of(), offenders("org.junit", List.of("junit/")));
  }

  @Test
  void domainAndServicesKnowNeitherHttpNorWireRecords() throws IOException {
    assertEquals(List.of(), offenders("dev.cognate.operation", List.of("operation/", "protocol/", "provision/", "Engine.java")));
    assertEquals(List.of(), offenders("dev.cognate.protocol", List.of("protocol/", "provision/", "Cognate.java", "dev/")));
  }
}
