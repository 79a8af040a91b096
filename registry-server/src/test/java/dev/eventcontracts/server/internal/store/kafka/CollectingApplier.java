package dev.eventcontracts.server.internal.store.kafka;

import dev.eventcontracts.server.internal.store.RecordApplier;
import dev.eventcontracts.server.internal.store.RegistryKey;
import dev.eventcontracts.server.internal.store.RegistryValue;
import java.util.ArrayList;
import java.util.List;

/** Records what a log applies, in order. */
final class CollectingApplier implements RecordApplier {

    /** One applied record. */
    record Applied(RegistryKey key, RegistryValue value) {}

    private final List<Applied> applied = new ArrayList<>();

    @Override
    public synchronized void apply(RegistryKey key, RegistryValue valueOrNull) {
        applied.add(new Applied(key, valueOrNull));
    }

    synchronized List<Applied> applied() {
        return List.copyOf(applied);
    }

    synchronized boolean contains(RegistryKey key, RegistryValue value) {
        return applied.contains(new Applied(key, value));
    }
}
