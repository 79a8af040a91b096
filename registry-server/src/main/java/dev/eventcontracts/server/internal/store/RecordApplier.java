package dev.eventcontracts.server.internal.store;

/**
 * Applies the records of the store topic to the registry's in-memory state. A {@link RecordLog} calls it on ONE
 * thread, in log order.
 */
@FunctionalInterface
public interface RecordApplier {

    /**
     * Applies one record.
     *
     * @param key the record's key; never null
     * @param valueOrNull the record's value, or null for a tombstone
     */
    void apply(RegistryKey key, RegistryValue valueOrNull);
}
