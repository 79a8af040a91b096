package dev.eventcontracts.server.internal.http;

import dev.eventcontracts.server.internal.service.ErrorKind;
import dev.eventcontracts.server.internal.service.RegistryException;
import io.javalin.http.Context;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;

/**
 * Reads the body of a {@code POST} or {@code PUT} into memory before its route runs, bounded however the body
 * arrives, and without holding a thread while it arrives.
 *
 * <ul>
 *   <li>Size: a {@code Content-Length} above {@code request.max.bytes} is refused without reading a byte; a body of
 *       unknown length ({@code Transfer-Encoding: chunked}) is read up to the limit plus one byte and refused
 *       there. The connection then answers 413 and lingers ({@link Http#write}). A {@code Content-Encoding} other
 *       than {@code identity} answers 415 (a compressed body would be bounded only after decoding it).
 *   <li>Memory: each body may use its first {@link #FREE_BYTES} freely (the order of the connection's own
 *       buffers); beyond that it holds a share of {@code request.memory.max.bytes} ({@link BodyBudget}), its
 *       declared length, or the limit when its length is unknown, and waits for it in arrival order, without a
 *       thread. Any number of bodies at once therefore holds at most that budget beyond their allowances.
 *   <li>Time: a body already in the server's buffers (nearly every request) is read at once; any other is read
 *       with the servlet container's non-blocking input, so a client sending slowly holds a connection but no
 *       thread. A body that stops arriving for {@code idle.timeout.ms}, or arrives slower than
 *       {@code request.min.data.rate}, answers 408; a body cut short, 400.
 * </ul>
 *
 * <p>The outcome is kept on the request; a route asks for it with {@link #bytes}, so that a request for an unknown
 * path still answers 404 and an oversized one answers 413 only where a body is expected.
 */
final class BodyReader {

    /** What every body may hold without a share of the budget. */
    static final int FREE_BYTES = 32 * 1024;

    private static final String OUTCOME = "eventcontracts.body";
    private static final int SEGMENT = 16 * 1024;

    private final int maxBytes;
    private final BodyBudget budget;
    private final Duration idleTimeout;
    private final long minDataRate;

    /**
     * Creates the reader.
     *
     * @param maxBytes {@code request.max.bytes}
     * @param budget {@code request.memory.max.bytes}: at least {@code maxBytes}
     * @param idleTimeout {@code idle.timeout.ms}, for messages
     * @param minDataRate {@code request.min.data.rate}, for messages
     */
    BodyReader(int maxBytes, BodyBudget budget, Duration idleTimeout, long minDataRate) {
        this.maxBytes = maxBytes;
        this.budget = budget;
        this.idleTimeout = idleTimeout;
        this.minDataRate = minDataRate;
    }

    /**
     * A body read, as the segments it arrived in (each full but the last): a large body is never copied into one
     * array, which would hold it twice.
     *
     * @param segments the bytes, in order
     * @param length their total length
     */
    record Body(List<byte[]> segments, int length) {

        static final Body EMPTY = new Body(List.of(), 0);

        /** The bytes as one stream. */
        InputStream stream() {
            return new SequenceInputStream(Collections.enumeration(
                    segments.stream().map(ByteArrayInputStream::new).toList()));
        }
    }

    /**
     * Starts reading the request's body, if it has one. Returns at once; the body is read before the route runs
     * (Javalin waits for the future handed to {@link Context#future}).
     *
     * @throws RegistryException 415 for a {@code Content-Encoding} other than {@code identity}
     */
    void start(Context ctx) throws IOException {
        HttpServletRequest request = ctx.req();
        long length = request.getContentLengthLong();
        if (length == 0 || length < 0 && request.getHeader("Transfer-Encoding") == null) {
            return;
        }
        requireIdentityEncoding(ctx, request.getHeader("Content-Encoding"));
        if (length > maxBytes) {
            ctx.attribute(OUTCOME, tooLarge());
            return;
        }
        Buffer buffer = new Buffer(length, maxBytes);
        ServletInputStream in = request.getInputStream();
        if (length > 0 && length <= FREE_BYTES && in.available() >= length) {
            // small and wholly in the server's buffers already: reading it cannot block
            ctx.attribute(OUTCOME, readAvailable(in, buffer));
            return;
        }
        ctx.future(() -> new AsyncRead(ctx, in, buffer).start());
    }

    /**
     * The body the route asked for.
     *
     * @return the body; {@link Body#EMPTY} when the request has none
     * @throws RegistryException 413, 408 or 400 when the body could not be read within the limits
     */
    static Body bytes(Context ctx) {
        Object outcome = ctx.attribute(OUTCOME);
        if (outcome instanceof RegistryException e) {
            throw e;
        }
        return outcome instanceof Body body ? body : Body.EMPTY;
    }

    /** The body for forwarding: what the route read, empty when it read none. */
    static Body bytesOrEmpty(Context ctx) {
        return ctx.attribute(OUTCOME) instanceof Body body ? body : Body.EMPTY;
    }

    private Object readAvailable(ServletInputStream in, Buffer buffer) {
        try {
            while (buffer.readFrom(in) >= 0) {
                // a declared length cannot be exceeded: the container stops there
            }
            return buffer.body();
        } catch (IOException | RuntimeException e) {
            return readFailure(e);
        }
    }

    private static void requireIdentityEncoding(Context ctx, String encoding) {
        if (encoding != null
                && !encoding.isBlank()
                && !"identity".equals(encoding.trim().toLowerCase(Locale.ROOT))) {
            // RFC 9110 15.5.16: name the codings that would have been accepted
            ctx.header("Accept-Encoding", "identity");
            throw new RegistryException(ErrorKind.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    private RegistryException tooLarge() {
        return new RegistryException(
                ErrorKind.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes (request.max.bytes)");
    }

    /** What went wrong while the body arrived, in the registry's words (the container's exceptions vary). */
    private RegistryException readFailure(Throwable failure) {
        Throwable cause = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException || t instanceof TimeoutException) {
                cause = t;
                break;
            }
            if (t instanceof EofException || t instanceof EOFException) {
                cause = t;
            }
        }
        if (cause instanceof BadMessageException bad && bad.getCode() == 408) {
            return new RegistryException(
                    failure,
                    ErrorKind.REQUEST_TIMEOUT,
                    "The request body arrived slower than " + minDataRate + " bytes per second "
                            + "(request.min.data.rate)");
        }
        if (cause instanceof TimeoutException) {
            return new RegistryException(
                    failure,
                    ErrorKind.REQUEST_TIMEOUT,
                    "The request body stopped arriving for " + idleTimeout.toMillis() + " ms (idle.timeout.ms)");
        }
        if (cause instanceof EofException || cause instanceof EOFException) {
            return new RegistryException(
                    failure, ErrorKind.MALFORMED_JSON, "The request body ended before its declared length");
        }
        return new RegistryException(failure, ErrorKind.MALFORMED_JSON, "The request body could not be read");
    }

    /**
     * One body read with non-blocking input. The container calls the listener one callback at a time; a read
     * paused for a share of the budget resumes on a container thread ({@link AsyncContext#start}), when the
     * container calls nothing (it calls {@code onDataAvailable} again only after {@code isReady()} said false).
     */
    private final class AsyncRead implements ReadListener, AsyncListener {

        private final Context ctx;
        private final ServletInputStream in;
        private final Buffer buffer;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private BodyBudget.Share share;

        AsyncRead(Context ctx, ServletInputStream in, Buffer buffer) {
            this.ctx = ctx;
            this.in = in;
            this.buffer = buffer;
        }

        CompletableFuture<Void> start() {
            ctx.req().getAsyncContext().addListener(this);
            in.setReadListener(this);
            return done;
        }

        @Override
        public void onDataAvailable() {
            try {
                while (!done.isDone() && in.isReady()) {
                    if (buffer.size == FREE_BYTES && share == null) {
                        share = budget.request(buffer.capacityLimit - FREE_BYTES);
                        if (!share.granted().isDone()) {
                            AsyncContext async = ctx.req().getAsyncContext();
                            share.granted().thenRun(() -> async.start(this::onDataAvailable));
                            return;
                        }
                    }
                    if (buffer.readFrom(in, share == null ? FREE_BYTES : buffer.capacityLimit) < 0) {
                        return; // onAllDataRead follows
                    }
                    if (buffer.overLimit()) {
                        finish(tooLarge());
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                finish(readFailure(e));
            }
        }

        @Override
        public void onAllDataRead() {
            finish(buffer.body());
        }

        @Override
        public void onError(Throwable failure) {
            finish(readFailure(failure));
        }

        /** Synchronized: a read resumed after a wait for the budget runs beside the container's callbacks. */
        private synchronized void finish(Object outcome) {
            if (!done.isDone()) {
                if (!(outcome instanceof Body)) {
                    buffer.release();
                }
                ctx.attribute(OUTCOME, outcome);
                done.complete(null);
            }
        }

        // the request is over (answered, failed or timed out): its bytes are no longer held

        @Override
        public void onComplete(AsyncEvent event) {
            giveBack();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            giveBack();
        }

        @Override
        public void onError(AsyncEvent event) {
            finish(readFailure(event.getThrowable()));
            giveBack();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }

        /**
         * Lets go of the body and gives its share back. The container keeps the request (and this listener) until
         * the connection is reused or closed, seconds later for one that lingers after a 413: the bytes must not
         * stay with them.
         */
        private synchronized void giveBack() {
            buffer.release();
            ctx.req().removeAttribute(OUTCOME);
            if (share != null) {
                share.close();
            }
        }
    }

    /**
     * Bytes as they arrive, in segments of {@link #SEGMENT} bytes (the first one no longer than a declared length):
     * up to the declared length plus one byte (room to see the end), or for a body of unknown length up to the
     * limit plus one byte (enough to know it is too large). Nothing is ever copied, so a body is held once.
     */
    private static final class Buffer {

        final int capacityLimit;
        private final int maxBytes;
        private List<byte[]> full = new ArrayList<>();
        private byte[] current;
        private int inCurrent;
        int size;

        Buffer(long declaredLength, int maxBytes) {
            this.maxBytes = maxBytes;
            this.capacityLimit = (int) Math.min(declaredLength > 0 ? declaredLength : maxBytes, maxBytes) + 1;
            this.current = new byte[Math.min(SEGMENT, capacityLimit)];
        }

        /** Reads once: the bytes read, 0 when none is ready or there is no room, -1 at the end of the body. */
        int readFrom(InputStream in) throws IOException {
            return readFrom(in, capacityLimit);
        }

        /** Reads once, never holding more than {@code upTo} bytes. */
        int readFrom(InputStream in, int upTo) throws IOException {
            int room = Math.min(upTo, capacityLimit) - size;
            if (room <= 0) {
                return 0;
            }
            if (inCurrent == current.length) {
                full.add(current);
                current = new byte[Math.min(SEGMENT, capacityLimit - size)];
                inCurrent = 0;
            }
            int n = in.read(current, inCurrent, Math.min(room, current.length - inCurrent));
            if (n > 0) {
                inCurrent += n;
                size += n;
            }
            return n;
        }

        boolean overLimit() {
            return size > maxBytes;
        }

        Body body() {
            List<byte[]> segments = new ArrayList<>(full);
            if (inCurrent > 0) {
                segments.add(inCurrent == current.length ? current : Arrays.copyOf(current, inCurrent));
            }
            return new Body(List.copyOf(segments), size);
        }

        /** Drops the bytes (the body is done with); reading on after this is a bug. */
        void release() {
            full = new ArrayList<>();
            current = new byte[0];
            inCurrent = 0;
            size = 0;
        }
    }
}
