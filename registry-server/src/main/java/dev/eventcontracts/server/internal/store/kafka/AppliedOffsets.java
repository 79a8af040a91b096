package dev.eventcontracts.server.internal.store.kafka;

import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * How far the local reader has applied the store topic, and the futures waiting for it to get somewhere.
 * Thread-safe: the reader advances it, writers and syncs wait on it.
 */
final class AppliedOffsets {

    private record Waiter(long offset, CompletableFuture<Void> future) {}

    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>((a, b) -> Long.compare(a.offset, b.offset));
    private long position;
    private RuntimeException failure;

    /** The next offset to apply: every record below it has been applied. */
    synchronized long position() {
        return position;
    }

    /**
     * A future that completes once every record below {@code offset} has been applied.
     *
     * @param offset an end offset (exclusive)
     */
    synchronized CompletableFuture<Void> await(long offset) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (position >= offset) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        waiters.add(new Waiter(offset, future));
        return future;
    }

    /** Records that every record below {@code newPosition} has been applied. */
    void advance(long newPosition) {
        PriorityQueue<Waiter> done = new PriorityQueue<>((a, b) -> Long.compare(a.offset, b.offset));
        synchronized (this) {
            if (newPosition <= position) {
                return;
            }
            position = newPosition;
            while (!waiters.isEmpty() && waiters.peek().offset <= newPosition) {
                done.add(waiters.poll());
            }
        }
        // complete outside the lock: completions run callers' continuations
        done.forEach(w -> w.future.complete(null));
    }

    /** Fails every waiter, present and future (the log is closed). */
    void fail(RuntimeException cause) {
        PriorityQueue<Waiter> failed;
        synchronized (this) {
            failure = cause;
            failed = new PriorityQueue<>(waiters);
            waiters.clear();
        }
        failed.forEach(w -> w.future.completeExceptionally(cause));
    }
}
