package dev.cognate.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How many requests a second the load generator itself reaches on this machine: 16 of its clients against a
 * trivial server in this JVM that answers every request with a fixed 200. Any target's figure near this one is
 * bounded by the generator and loopback, not by the target.
 */
final class GeneratorCeiling {
  private static final byte[] ANSWER =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
          .getBytes(StandardCharsets.US_ASCII);

  private GeneratorCeiling() {}

  static Throughput measure(Duration warmUp, Duration measured) {
    try (ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> accept(server), "trivial-server");
      acceptor.setDaemon(true);
      acceptor.start();
      Load load = new Load(URI.create("http://127.0.0.1:" + server.getLocalPort()), warmUp, measured);
      return load.run(16, (api, n) -> {
        if (api.get("/").status() != 200) {
          throw new CognitoApi.CallFailed("the trivial server did not answer 200");
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException("could not open a loopback port", e);
    }
  }

  private static void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread connection = new Thread(() -> serve(socket), "trivial-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Answers each request head (the generator's GETs carry no body) with the fixed answer. */
  private static void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      int matched = 0;
      for (int c = in.read(); c != -1; c = in.read()) {
        matched = (c == '\r' || c == '\n') ? matched + 1 : 0;
        if (matched == 4) {
          out.write(ANSWER);
          out.flush();
          matched = 0;
        }
      }
    } catch (IOException closed) {
      // the client went away
    }
  }
}
