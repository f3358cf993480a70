package dev.cognate.provision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a template or seed file is read from: a file path, a URL ({@code file:}, {@code jar:}, {@code http:} ...), or
 * a resource on the class path written {@code classpath:name}, so an application can provision from the template it
 * carries in its own jar.
 *
 * @param text the location as written
 */
public record Location(String text) {
  private static final String CLASSPATH = "classpath:";

  public Location {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a template or seed location must not be empty");
    }
  }

  public static Location of(Path path) {
    return new Location(path.toString());
  }

  public static Location of(URL url) {
    return new Location(url.toString());
  }

  /** A resource the context class loader finds, such as {@code template.yaml} at the root of the application's jar. */
  public static Location classpath(String resource) {
    return new Location(CLASSPATH + resource);
  }

  /** The file name without folders: {@code template.yaml}. */
  public String fileName() {
    String path = text.startsWith(CLASSPATH) ? text.substring(CLASSPATH.length()) : text;
    String name = path.replace('\\', '/');
    int query = name.indexOf('?');
    if (query >= 0 && isUrl()) {
      name = name.substring(0, query);
    }
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** The file name without its extension: {@code template}. */
  public String baseName() {
    String name = fileName();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  InputStream open() throws IOException {
    if (text.startsWith(CLASSPATH)) {
      String resource = text.substring(CLASSPATH.length()).replaceFirst("^/", "");
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      InputStream in = (loader == null ? Location.class.getClassLoader() : loader).getResourceAsStream(resource);
      if (in == null) {
        throw new IOException("no class path resource " + resource);
      }
      return in;
    }
    if (isUrl()) {
      return url().openStream();
    }
    return Files.newInputStream(Path.of(text));
  }

  /** A scheme of two letters or more: {@code C:\...} stays a Windows path. */
  private boolean isUrl() {
    return text.matches("[A-Za-z][A-Za-z0-9+.\\-]+:.*") && !text.startsWith(CLASSPATH);
  }

  private URL url() {
    try {
      return URI.create(text).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException("not a URL: " + text));
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
