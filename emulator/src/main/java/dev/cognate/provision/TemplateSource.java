package dev.cognate.provision;

import java.util.Objects;
import java.util.Optional;

/**
 * A template to provision from, and the stack name its ids derive from when it is not the default (the file name
 * without extension; {@code <service>-<stage>} for a Serverless Framework file).
 */
public record TemplateSource(Location location, Optional<String> stack) {

  public TemplateSource {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(stack, "stack");
    stack.ifPresent(
        name -> {
          if (!name.matches("[A-Za-z][A-Za-z0-9\\-]{0,127}")) {
            throw new IllegalArgumentException(
                "a stack name is a letter then up to 127 letters, digits or '-', was " + name);
          }
        });
  }

  /** {@code FILE} or {@code FILE#STACK}, as the command line and environment write it. */
  public static TemplateSource parse(String text) {
    int hash = text.lastIndexOf('#');
    if (hash < 0) {
      return new TemplateSource(new Location(text), Optional.empty());
    }
    return new TemplateSource(new Location(text.substring(0, hash)), Optional.of(text.substring(hash + 1)));
  }
}
