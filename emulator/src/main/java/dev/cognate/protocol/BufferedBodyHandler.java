package dev.cognate.protocol;

import dev.cognate.error.CognitoErrorType;
import dev.cognate.error.CognitoException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
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
  // Bodies are held in memory from their first byte until their answer is written. The bytes of a body past its
  // first FREE_BYTES share this budget, so a crowd of large uploads cannot exhaust the heap; the first FREE_BYTES
  // of every body are never counted, so a few clients filling the budget cannot refuse anyone an ordinary call
  // (the SDKs' bodies are a few hundred bytes).
  private static final long MAX_HELD_BYTES = 64L * 1024 * 1024;
  private static final int FREE_BYTES = 64 * 1024;
  // A declared length is a promise, not bytes: the buffer grows as bytes arrive, from this.
  private static final int INITIAL_BUFFER = 1024;

  private final int maxBytes;
  private final Duration deadline;
  private final AtomicLong held = new AtomicLong();

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
    // Guarded by this BodyRead: the reading thread reserves while the deadline's thread may already release.
    private long reserved;
    private boolean released;

    BodyRead(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      long declared = request.getLength();
      this.body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, INITIAL_BUFFER) : INITIAL_BUFFER);
    }

    void start() {
      // A client that asks before sending learns at once that its body is too large, instead of being invited to
      // upload what can only be refused.
      boolean asksFirst = request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
      if (request.getLength() > MAX_DRAIN_BYTES || (asksFirst && request.getLength() > maxBytes)) {
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
          if (!reserve(received - bytes.remaining(), bytes.remaining())) {
            chunk.release();
            finish(busy(), null);
            return;
          }
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
        release();
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
      Callback releasing =
          new Callback.Nested(callback) {
            @Override
            public void succeeded() {
              release();
              super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
              release();
              super.failed(x);
            }
          };
      try {
        if (!BufferedBodyHandler.super.handle(buffered, response, releasing)) {
          Response.writeError(buffered, response, releasing, 404);
        }
      } catch (Throwable unexpected) {
        releasing.failed(unexpected);
      }
    }

    /**
     * Counts the part of {@code bytes} (arriving after {@code before} bytes of this body) that lies past the free
     * allowance against what all bodies together may hold; false, and nothing counted, when that is full or this
     * body is already answered.
     */
    private synchronized boolean reserve(long before, int bytes) {
      long charged = Math.max(0, before + bytes - Math.max(before, FREE_BYTES));
      if (released) {
        return false;
      }
      if (held.addAndGet(charged) > MAX_HELD_BYTES) {
        held.addAndGet(-charged);
        return false;
      }
      reserved += charged;
      return true;
    }

    private synchronized void release() {
      released = true;
      held.addAndGet(-reserved);
      reserved = 0;
    }

    private void cancelTimeout() {
      if (timeout != null) {
        timeout.cancel();
      }
    }

    private String client() {
      return String.valueOf(request.getConnectionMetaData().getRemoteSocketAddress());
    }

    /** Cognito's own throttling answer, which the AWS SDKs retry after a pause. */
    private CognitoException busy() {
      return new CognitoException(
          CognitoErrorType.TOO_MANY_REQUESTS, "Too many request bodies are being received at once; try again.");
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
