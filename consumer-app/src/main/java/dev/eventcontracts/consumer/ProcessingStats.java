package dev.eventcontracts.consumer;

/**
 * What an {@link OrderProcessingService} has done since it started.
 *
 * @param applied events that changed the read model
 * @param duplicates redelivered events that were skipped because their id was already recorded
 * @param deadLettered records sent to the dead-letter topic
 * @param batches batches committed
 * @param retries batches rolled back and retried after a transient failure (database, registry, dead-letter
 *     topic unavailable)
 * @since 0.1.0
 */
public record ProcessingStats(long applied, long duplicates, long deadLettered, long batches, long retries) {

    /** Returns every record handled: applied, skipped as duplicate or dead-lettered. */
    public long handled() {
        return applied + duplicates + deadLettered;
    }
}
