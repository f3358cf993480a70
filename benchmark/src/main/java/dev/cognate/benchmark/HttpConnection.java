package dev.cognate.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection, written on a plain socket so the load generator costs little per request and
 * "16 clients" means exactly 16 connections. It reconnects when the server closes (HTTP/1.0 servers, idle
 * timeouts); the reconnect is part of the measured request, as it is for any real client of that server.
 */
final class HttpConnection implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 30_000;

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  HttpConnection(String host, int port) {
    this.host = host;
    this.port = port;
  }

  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
    boolean reused = socket != null;
    try {
      return exchange(method, path, headers, body);
    } catch (IOException e) {
      close();
      if (!reused) {
        throw e;
      }
      // A kept-alive connection the server dropped while idle: one fresh attempt, as HTTP clients do.
      return exchange(method, path, headers, body);
    }
  }

  private Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
    if (socket == null) {
      connect();
    }
    StringBuilder head = new StringBuilder(256)
        .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append(':').append(port).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return read();
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = socket.getOutputStream();
  }

  private Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null || !statusLine.startsWith("HTTP/")) {
      throw new IOException("no HTTP response: " + statusLine);
    }
    boolean keepAlive = statusLine.startsWith("HTTP/1.1");
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String header = line(); header != null && !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> keepAlive = value.contains("keep-alive") || (keepAlive && !value.contains("close"));
        default -> { }
      }
    }
    byte[] body;
    if (chunked) {
      body = chunkedBody();
    } else if (length >= 0) {
      body = in.readNBytes((int) length);
    } else {
      body = in.readAllBytes();
      keepAlive = false;
    }
    if (!keepAlive) {
      close();
    }
    return new Response(status, body);
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line();
      if (size == null) {
        throw new IOException("connection closed inside a chunked body");
      }
      int semicolon = size.indexOf(';');
      int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (chunk == 0) {
        skipTrailers();
        return body.toByteArray();
      }
      body.write(in.readNBytes(chunk));
      line();
    }
  }

  private void skipTrailers() throws IOException {
    String trailer = line();
    while (trailer != null && !trailer.isEmpty()) {
      trailer = line();
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing is best effort
      }
      socket = null;
    }
  }
}
