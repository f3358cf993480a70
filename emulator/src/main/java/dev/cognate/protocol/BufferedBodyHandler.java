package dev.cognate.protocol;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a POST body in full, without holding a thread while the client sends it, before the request reaches
 * Javalin. Javalin's handlers read from blocking streams: a client sending one byte a second would otherwise keep a
 * thread for as long as it likes, and a few hundred such clients would leave none for anybody else. A body that
 * takes longer than the deadline or is larger than the limit reaches Javalin as a {@link CognitoException} in
 * {@link #FAILURE_ATTRIBUTE}, so that the answer is written like every other error.
 */
final class BufferedBodyHandler extends Handler.Wrapper {
  static final String FAILURE_ATTRIBUTE = "cognate.bodyFailure";
  private static final Logger LOG = LoggerFactory.getLogger(BufferedBodyHandler.class);
  // Reading an oversized body to its end lets the client finish sending and then read the error, instead of
  // seeing the connection reset; past this much we stop being polite.
  private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

  private final int maxBytes;
  private final Duration deadline;

  BufferedBodyHandler(int maxBytes, Duration deadline) {
    this.maxBytes = maxBytes;
    this.deadline = deadline;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!HttpMethod.POST.is(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    new BodyRead(request, response, callback).start();
    return true;
  }

  /** One body being read: chunks arrive on whichever thread Jetty demands them on; the deadline races them. */
  private final class BodyRead {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final ByteArrayOutputStream body;
    private volatile Scheduler.Task timeout;
    private long received;

    BodyRead(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      long declared = request.getLength();
      this.body = new ByteArrayOutputStream(declared > 0 && declared <= maxBytes ? (int) declared : 256);
    }

    void start() {
      if (request.getLength() > MAX_DRAIN_BYTES) {
        finish(tooLarge(), null);
        return;
      }
      timeout =
          request
              .getComponents()
              .getScheduler()
              .schedule(this::timedOut, deadline.toMillis(), TimeUnit.MILLISECONDS);
      read();
    }

    private void read() {
      while (!finished.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this::read);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          failed(chunk.getFailure());
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        received += bytes.remaining();
        if (received <= maxBytes) {
          byte[] copy = new byte[bytes.remaining()];
          bytes.get(copy);
          body.write(copy, 0, copy.length);
        }
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          finish(received > maxBytes ? tooLarge() : null, body.toByteArray());
          return;
        }
        if (received > MAX_DRAIN_BYTES) {
          finish(tooLarge(), null);
          return;
        }
      }
    }

    private void timedOut() {
      if (finished.get()) {
        return;
      }
      request
          .getContext()
          .execute(
              () ->
                  finish(
                      new CognitoException(
                          CognitoErrorType.REQUEST_TIMEOUT,
                          "Request body not received within " + deadline.toSeconds() + " seconds."),
                      null));
    }

    /**
     * The body broke off: the client closed the connection, or its chunked framing is broken (Jetty reports both
     * as an early end). Failing the callback lets Jetty answer 400 through {@link JsonErrorHandler} when the
     * client is still there to read it.
     */
    private void failed(Throwable failure) {
      if (finished.compareAndSet(false, true)) {
        cancelTimeout();
        LOG.info(
            "{} request body broke off ({}): the client closed the connection or sent broken framing",
            client(),
            failure.getMessage());
        callback.failed(failure);
      }
    }

    private void finish(CognitoException failure, byte[] complete) {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      cancelTimeout();
      if (failure != null) {
        request.setAttribute(FAILURE_ATTRIBUTE, failure);
      }
      Request buffered = new BufferedRequest(request, complete == null ? new byte[0] : complete);
      try {
        if (!BufferedBodyHandler.super.handle(buffered, response, callback)) {
          Response.writeError(buffered, response, callback, 404);
        }
      } catch (Throwable unexpected) {
        callback.failed(unexpected);
      }
    }

    private void cancelTimeout() {
      if (timeout != null) {
        timeout.cancel();
      }
    }

    private String client() {
      return String.valueOf(request.getConnectionMetaData().getRemoteSocketAddress());
    }

    private CognitoException tooLarge() {
      return new CognitoException(
          CognitoErrorType.REQUEST_TOO_LARGE, "Request body exceeds the limit of " + maxBytes + " bytes.");
    }
  }

  /** The request with its body already in memory: reading it never waits. */
  private static final class BufferedRequest extends Request.Wrapper {
    private Content.Chunk remaining;

    BufferedRequest(Request request, byte[] body) {
      super(request);
      this.remaining = Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public synchronized Content.Chunk read() {
      Content.Chunk chunk = remaining;
      remaining = Content.Chunk.EOF;
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }

    @Override
    public void fail(Throwable failure) {
      remaining = Content.Chunk.from(failure, true);
    }
  }
}
