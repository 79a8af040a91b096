package dev.eventcontracts.server;

import dev.eventcontracts.server.internal.store.NotWriterException;
import dev.eventcontracts.server.internal.store.RecordApplier;
import dev.eventcontracts.server.internal.store.RecordCodec;
import dev.eventcontracts.server.internal.store.RecordLog;
import dev.eventcontracts.server.internal.store.RegistryKey;
import dev.eventcontracts.server.internal.store.RegistryValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A record log shared by several registry instances in one JVM, for tests of what a Kafka store would make hard
 * to provoke: store failures, timeouts, an unknown or unreachable writer, forwarding. Appends are applied to
 * every instance synchronously, through Confluent's record codec.
 */
final class LogHub {

    /** What an append does. */
    enum Behaviour {
        /** Applies the record everywhere. */
        APPLY,
        /** Fails like a broken store. */
        FAIL,
        /** Never completes. */
        HANG,
        /** Applies the record everywhere after 500 ms. */
        SLOW
    }

    private final RecordCodec codec = new RecordCodec();
    private final List<RecordApplier> appliers = new CopyOnWriteArrayList<>();
    private final AtomicInteger appends = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.APPLY;

    void behave(Behaviour newBehaviour) {
        behaviour = newBehaviour;
    }

    int appends() {
        return appends.get();
    }

    /** The view of the writer instance. */
    RecordLog writer() {
        return new View(true, Optional::empty);
    }

    /** The view of an instance that is not the writer and forwards to {@code writerUrl}. */
    RecordLog follower(Supplier<Optional<String>> writerUrl) {
        return new View(false, writerUrl);
    }

    private synchronized void applyEverywhere(RegistryKey key, RegistryValue value) {
        byte[] keyBytes = codec.encodeKey(key);
        byte[] valueBytes = codec.encodeValue(value);
        RegistryKey decodedKey = codec.decodeKey(keyBytes);
        RegistryValue decodedValue = codec.decodeValue(decodedKey, valueBytes);
        for (RecordApplier applier : appliers) {
            applier.apply(decodedKey, decodedValue);
        }
    }

    private final class View implements RecordLog {

        private final boolean isWriter;
        private final Supplier<Optional<String>> writerUrl;

        View(boolean isWriter, Supplier<Optional<String>> writerUrl) {
            this.isWriter = isWriter;
            this.writerUrl = writerUrl;
        }

        @Override
        public void start(RecordApplier applier) {
            appliers.add(applier);
        }

        @Override
        public CompletableFuture<Void> append(RegistryKey key, RegistryValue valueOrNull) {
            if (!isWriter) {
                return CompletableFuture.failedFuture(new NotWriterException("not the writer"));
            }
            appends.incrementAndGet();
            return switch (behaviour) {
                case APPLY -> {
                    applyEverywhere(key, valueOrNull);
                    yield CompletableFuture.completedFuture(null);
                }
                case FAIL ->
                    CompletableFuture.failedFuture(
                            new dev.eventcontracts.server.internal.store.StoreException("broker unavailable"));
                case HANG -> new CompletableFuture<>();
                case SLOW ->
                    CompletableFuture.runAsync(
                            () -> applyEverywhere(key, valueOrNull),
                            CompletableFuture.delayedExecutor(500, java.util.concurrent.TimeUnit.MILLISECONDS));
            };
        }

        @Override
        public CompletableFuture<Void> syncToEnd() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isWriter() {
            return isWriter;
        }

        @Override
        public Optional<String> writerUrl() {
            return isWriter ? Optional.empty() : writerUrl.get();
        }

        /** Polls the view's writer URL (a test double: the supplier may change at any time). */
        @Override
        public boolean awaitWriter(String unreachableUrl, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!isWriter
                    && writerUrl
                            .get()
                            .filter(url -> !url.equals(unreachableUrl))
                            .isEmpty()) {
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }

        @Override
        public long lag() {
            return 0;
        }

        @Override
        public void close() {
            // the hub outlives its views
        }
    }
}
