package dev.eventcontracts.consumer.internal;

import dev.eventcontracts.consumer.DeadLetterReason;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record on its way to the dead-letter topic.
 *
 * @param record the original record, bytes unchanged; never null
 * @param reason why it cannot be processed; never null
 * @param error the exception whose class and message the headers carry; never null
 */
public record DeadLetter(ConsumerRecord<byte[], byte[]> record, DeadLetterReason reason, Throwable error) {

    /** Checks that nothing is null. */
    public DeadLetter {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(error, "error");
    }

    /**
     * Creates the dead letter of a poison record: the reason and the cause it carries.
     *
     * @param record the record; never null
     * @param poison the classification; never null
     * @return the dead letter; never null
     */
    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record, PoisonEventException poison) {
        return new DeadLetter(record, poison.reason(), poison.getCause());
    }
}
