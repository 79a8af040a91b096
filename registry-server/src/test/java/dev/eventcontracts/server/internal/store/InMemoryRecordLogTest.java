package dev.eventcontracts.server.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InMemoryRecordLogTest {

    private final List<String> applied = new ArrayList<>();
    private final InMemoryRecordLog log = new InMemoryRecordLog();

    @Test
    void append_afterStart_isAppliedBeforeTheFutureReturns() {
        log.start((key, value) -> applied.add(key + "=" + value));

        CompletableFuture<Void> done = log.append(new ConfigKey("s"), new ConfigValue("s", "FULL"));

        assertThat(done).isCompleted();
        assertThat(applied).containsExactly("ConfigKey[subject=s]=" + new ConfigValue("s", "FULL"));
    }

    @Test
    void start_afterAppends_replaysThemInOrder() {
        log.append(new ModeKey(null), new ModeValue(null, "IMPORT"));
        log.append(new ConfigKey(null), new ConfigValue(null, "NONE"));

        log.start((key, value) -> applied.add(key.getClass().getSimpleName()));

        assertThat(applied).containsExactly("ModeKey", "ConfigKey");
    }

    @Test
    void start_afterAppends_replaysWhatConfluentsBytesDecodeTo() {
        SchemaValue value = new SchemaValue("s", 1, 1, "AVRO", List.of(), "\"int\"", false);
        log.append(new SchemaKey("s", 1), value);
        List<RegistryValue> replayed = new ArrayList<>();

        log.start((key, v) -> replayed.add(v));

        assertThat(replayed).containsExactly(value);
    }

    @Test
    void append_conflictingId_failsAndIsNotApplied() {
        log.start((key, value) -> applied.add(key.toString()));
        log.append(new SchemaKey("a", 1), new SchemaValue("a", 1, 1, "AVRO", List.of(), "\"int\"", false));

        CompletableFuture<Void> conflict =
                log.append(new SchemaKey("b", 1), new SchemaValue("b", 1, 1, "AVRO", List.of(), "\"long\"", false));

        assertThat(conflict).isCompletedExceptionally();
        assertThat(applied).hasSize(1);
    }

    @Test
    void append_afterClose_fails() {
        log.close();

        assertThat(log.append(new NoopKey(), null)).isCompletedExceptionally();
    }

    @Test
    void isWriter_always() {
        assertThat(log.isWriter()).isTrue();
        assertThat(log.writerUrl()).isEmpty();
        assertThat(log.syncToEnd()).isCompleted();
    }
}
