package dev.cognate.provision;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
  private static final int TIMEOUT_MILLIS = 10_000;

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

  private InputStream open() throws IOException {
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
      URLConnection connection = url().openConnection();
      // Without them a server that accepts and never answers would hold the start for ever.
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      try {
        return connection.getInputStream();
      } catch (SocketTimeoutException e) {
        throw noAnswer();
      }
    }
    try {
      return Files.newInputStream(Path.of(text));
    } catch (NoSuchFileException e) {
      throw new IOException("no such file");
    }
  }

  /** Reads what {@link #open()} gives, refusing more than {@code limit} bytes and a server that stops answering. */
  byte[] read(int limit) throws IOException {
    try (InputStream in = open()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new IOException("larger than " + (limit >> 20) + " MB");
      }
      return bytes;
    } catch (SocketTimeoutException e) {
      throw noAnswer();
    }
  }

  private static IOException noAnswer() {
    return new IOException("no answer within " + TIMEOUT_MILLIS / 1000 + " seconds");
  }

  /** A scheme of two letters or more: {@code C:\...} stays a Windows path. */
  private boolean isUrl() {
    return text.matches("[A-Za-z][A-Za-z0-9+.\\-]+:.*") && !text.startsWith(CLASSPATH);
  }

  private URL url() throws IOException {
    try {
      return URI.create(text).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IOException("not a URL: " + text);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
