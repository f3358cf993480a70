package dev.cognate.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * README.md's Java examples are these files as a user pastes them: without the package line and the note that
 * points here, and with the test class under the name README gives it. So the examples compile and run here.
 */
class ReadmeExamplesTest {
  private static final Path EXAMPLES = Path.of("src/test/java/dev/cognate/examples");

  @Test
  void theEmbeddingExampleIsEmbeddedCognateAsPasted() throws IOException {
    assertReadmeShows("EmbeddedCognate.java", "EmbeddedCognate");
  }

  @Test
  void theExtensionExampleIsSignUpExampleAsPasted() throws IOException {
    assertReadmeShows("SignUpExampleIT.java", "SignUpTest");
  }

  @Test
  void theTriggersExampleIsCustomAuthExampleAsPasted() throws IOException {
    assertReadmeShows("CustomAuthExampleIT.java", "CustomAuthTest");
  }

  @Test
  void theTemplatesExampleIsTemplateExampleAsPasted() throws IOException {
    assertReadmeShows("TemplateExampleIT.java", "TemplateTest");
  }

  @Test
  void theDeterministicExampleIsDeterministicExampleAsPasted() throws IOException {
    assertReadmeShows("DeterministicExampleIT.java", "DeterministicTest");
  }

  private static void assertReadmeShows(String file, String className) throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    String source = Files.readString(EXAMPLES.resolve(file));
    String pasted =
        source
            .lines()
            .filter(line -> !line.startsWith("package ") && !line.startsWith("/** "))
            .collect(Collectors.joining("\n", "", "\n"))
            .replaceFirst("^\n", "")
            .replace(file.replace(".java", ""), className);
    assertTrue(readme.contains("```java\n" + pasted + "```"), file + " is not in README.md as:\n" + pasted);
  }
}
