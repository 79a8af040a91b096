package dev.eventcontracts.server.internal.store.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The writer's transactional producer: one transaction per record, {@code acks=all}, idempotent.
 *
 * <p>Every writer of one store shares one {@code transactional.id}, so {@link #init()} by a new writer fences
 * the previous one: its next send or commit fails with {@code ProducerFencedException} (or
 * {@code InvalidProducerEpochException}), and any transaction it left open is aborted or completed before
 * {@code init()} returns. Confined to the log's writer thread.
 */
final class TransactionalWriter implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final TopicPartition partition;

    TransactionalWriter(
            Map<String, Object> clientProps,
            String clientId,
            String transactionalId,
            TopicPartition partition,
            int timeoutMs) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1_000, timeoutMs));
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(1_000, timeoutMs) + 1_000);
        props.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.partition = partition;
    }

    /**
     * Registers as the writer, fencing any previous one and settling the transaction it may have left open.
     *
     * @throws KafkaException when the transaction coordinator cannot be reached in time, or this producer is
     *     itself fenced
     */
    void init() {
        producer.initTransactions();
    }

    /**
     * Writes one record in its own transaction and returns its offset once committed.
     *
     * @param key the key bytes
     * @param value the value bytes; null for a tombstone
     * @throws KafkaException when the record is not known to be committed (fenced, timed out, broker error)
     */
    long append(byte[] key, byte[] value) {
        producer.beginTransaction();
        Future<RecordMetadata> sent =
                producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), key, value));
        producer.commitTransaction();
        try {
            return sent.get().offset();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing to the store", e);
        }
    }

    /** Closes without waiting: an open transaction is left to the next writer's {@link #init()} to settle. */
    @Override
    public void close() {
        producer.close(Duration.ZERO);
    }
}
