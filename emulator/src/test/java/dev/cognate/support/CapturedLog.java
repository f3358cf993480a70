package dev.cognate.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the emulator logs while a test runs. slf4j-simple looks {@code System.err} up on every line, so swapping
 * the stream catches the emulator's log; everything is still passed on to the real stream.
 */
public final class CapturedLog implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private CapturedLog() {
    System.setErr(
        new PrintStream(
            new java.io.OutputStream() {
              @Override
              public synchronized void write(int b) {
                captured.write(b);
                original.write(b);
              }

              @Override
              public synchronized void write(byte[] b, int off, int len) {
                captured.write(b, off, len);
                original.write(b, off, len);
              }
            },
            true,
            StandardCharsets.UTF_8));
  }

  public static CapturedLog start() {
    return new CapturedLog();
  }

  public synchronized List<String> lines() {
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /**
   * The request log's lines, once there are {@code expected} of them or 10 s have passed: a line is written once the
   * answer is out, so it may trail the response a little.
   */
  public List<String> awaitRequestLines(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<String> lines = requestLines();
    while (lines.size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
      lines = requestLines();
    }
    return lines;
  }

  private List<String> requestLines() {
    return lines().stream().filter(line -> line.contains(" requests - ")).toList();
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
