package dev.cognate.app;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves a JWKS on 127.0.0.1 and counts how often it is fetched. */
final class JwksServer implements AutoCloseable {
  static final String PATH = "/us-east-1_TestPool1/.well-known/jwks.json";

  private final HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  private volatile String body = new JWKSet().toString(true);
  private volatile int status = 200;

  JwksServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        PATH,
        exchange -> {
          hits.incrementAndGet();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** Publishes the public parts of these keys from now on. */
  JwksServer publish(JWKSet keys) {
    body = keys.toString(true);
    status = 200;
    return this;
  }

  /** Answers this status with an error body from now on. */
  void fail(int status) {
    this.status = status;
    this.body = "{\"message\":\"broken\"}";
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  int hits() {
    return hits.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
