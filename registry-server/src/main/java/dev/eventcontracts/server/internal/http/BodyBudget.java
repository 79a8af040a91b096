package dev.eventcontracts.server.internal.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The bytes of request bodies the server may hold at once beyond each body's free allowance
 * ({@code request.memory.max.bytes}): a body that needs more asks for its whole share at once and waits, in
 * arrival order, until earlier bodies are done. All-or-nothing shares cannot deadlock: a body either holds its
 * share or holds nothing. Thread-safe.
 */
final class BodyBudget {

    private final long capacity;
    private final ArrayDeque<Share> waiting = new ArrayDeque<>();
    // guarded by this
    private long available;

    /** A budget of {@code capacity} bytes. */
    BodyBudget(long capacity) {
        this.capacity = capacity;
        this.available = capacity;
    }

    /** One body's share: granted when its future completes; {@link #close} gives it back (or stops waiting). */
    final class Share implements AutoCloseable {

        private final long bytes;
        private final CompletableFuture<Void> granted = new CompletableFuture<>();
        private boolean closed; // guarded by BodyBudget.this

        private Share(long bytes) {
            this.bytes = bytes;
        }

        /** Completes once the share is held. */
        CompletableFuture<Void> granted() {
            return granted;
        }

        /** Gives the share back, or leaves the queue; idempotent. */
        @Override
        public void close() {
            List<Share> grantedNow;
            synchronized (BodyBudget.this) {
                if (closed) {
                    return;
                }
                closed = true;
                if (!waiting.remove(this)) {
                    available += bytes;
                }
                grantedNow = grantWaiting();
            }
            grantedNow.forEach(s -> s.granted.complete(null));
        }
    }

    /**
     * Asks for {@code bytes}; the share is granted at once when nobody waits and the bytes are free.
     *
     * @param bytes at most the capacity
     */
    Share request(long bytes) {
        if (bytes > capacity) {
            throw new IllegalArgumentException("a share of " + bytes + " bytes exceeds the budget of " + capacity);
        }
        Share share = new Share(bytes);
        synchronized (this) {
            if (waiting.isEmpty() && available >= bytes) {
                available -= bytes;
                share.granted.complete(null);
            } else {
                waiting.add(share);
            }
        }
        return share;
    }

    /** Bytes free right now (for tests and metrics). */
    synchronized long available() {
        return available;
    }

    /** Takes the shares that fit now off the queue, in order; called holding the lock. */
    private List<Share> grantWaiting() {
        List<Share> granted = new ArrayList<>();
        while (!waiting.isEmpty() && waiting.peek().bytes <= available) {
            Share next = waiting.poll();
            available -= next.bytes;
            granted.add(next);
        }
        return granted;
    }
}
