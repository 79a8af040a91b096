package dev.eventcontracts.benchmarks.serde;

import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.devstack.KafkaCluster;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.serde.AvroDeserializer;
import dev.eventcontracts.serde.AvroSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end throughput: the same {@code OrderCreated} events produced and consumed through a real broker
 * (dev-stack's in-process Kafka, one partition, {@code acks=all}, idempotent, {@code linger.ms=5}, 64 KiB
 * batches), once with {@link AvroSerializer}/{@link AvroDeserializer} (specific reader) and once with the
 * baseline, {@link RawAvroSerde}: Avro's {@code SpecificDatumWriter}/{@code Reader} inline, no registry, no
 * wire-format prefix — the same Avro work without anything a serde adds. Target: the serde pipeline reaches at
 * least 0.95 of the raw-Avro pipeline's events/s. A third pipeline sends the same events pre-encoded with
 * {@code ByteArraySerializer}/{@code ByteArrayDeserializer}: no Avro work at all, Kafka's own ceiling on this
 * machine. Consumption runs concurrently with production; a run ends when the consumer has every event. The
 * pipelines run in mirrored order (raw Avro, serde, bytes, bytes, serde, raw Avro, and so on for more rounds) and
 * each one's best run counts.
 *
 * <p>The registry is in memory: the serde asks it once per schema, so it does not bear on throughput.
 *
 * <p>Run:
 * <pre>
 * mvn -q -pl benchmarks package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.eventcontracts.benchmarks.serde.SerdePipelineHarness [events] [rounds]
 * </pre>
 * Defaults: 1,000,000 events, 1 round (each pipeline twice). It prints one table (events/s of each pipeline and
 * its ratio to the raw-Avro pipeline) on standard output.
 */
public final class SerdePipelineHarness {

    private static final Logger LOG = LoggerFactory.getLogger(SerdePipelineHarness.class);
    private static final int DISTINCT_EVENTS = 1_000;

    private SerdePipelineHarness() {}

    /**
     * Runs the pipelines (after a short warm-up of each) and prints the table.
     *
     * @param args optional event count (default 1,000,000) and number of mirrored rounds (default 1)
     * @throws Exception when the broker or a pipeline fails
     */
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        OrderCreated[] orders = new OrderCreated[DISTINCT_EVENTS];
        byte[][] encoded = new byte[DISTINCT_EVENTS][];
        try (RawAvroSerde.Writer writer = new RawAvroSerde.Writer()) {
            for (int i = 0; i < orders.length; i++) {
                orders[i] = SampleOrder.specific(i);
                encoded[i] = writer.serialize("raw", orders[i]);
            }
        }
        SchemaRegistry registry = SchemaRegistries.inMemory();
        Map<String, Object> serdeConfig =
                Map.of("schema.registry.url", "http://unused:8081", "specific.avro.reader", true);
        try (KafkaCluster kafka = KafkaCluster.builder().start()) {
            Pipeline<OrderCreated> rawAvro = new Pipeline<>(
                    kafka, i -> orders[i % DISTINCT_EVENTS], RawAvroSerde.Writer::new, RawAvroSerde.Reader::new);
            Pipeline<Object> serde = new Pipeline<>(
                    kafka,
                    i -> orders[i % DISTINCT_EVENTS],
                    () -> new AvroSerializer(registry, serdeConfig, false),
                    () -> new AvroDeserializer(registry, serdeConfig, false));
            Pipeline<byte[]> bytes = new Pipeline<>(
                    kafka, i -> encoded[i % DISTINCT_EVENTS], ByteArraySerializer::new, ByteArrayDeserializer::new);
            rawAvro.run("warmup-raw-avro", events / 10);
            serde.run("warmup-serde", events / 10);
            bytes.run("warmup-bytes", events / 10);
            double rawAvroRate = 0;
            double serdeRate = 0;
            double bytesRate = 0;
            // raw Avro, serde, bytes, bytes, serde, raw Avro: load that drifts weighs on every pipeline alike
            for (int round = 1; round <= rounds; round++) {
                rawAvroRate = Math.max(rawAvroRate, rawAvro.run("raw-avro-" + round + "a", events));
                serdeRate = Math.max(serdeRate, serde.run("serde-" + round + "a", events));
                bytesRate = Math.max(bytesRate, bytes.run("bytes-" + round + "a", events));
                bytesRate = Math.max(bytesRate, bytes.run("bytes-" + round + "b", events));
                serdeRate = Math.max(serdeRate, serde.run("serde-" + round + "b", events));
                rawAvroRate = Math.max(rawAvroRate, rawAvro.run("raw-avro-" + round + "b", events));
            }
            String row = "%-44s %,12.0f %8.2f%n";
            String table = String.format(
                            Locale.ROOT,
                            "%-44s %12s %8s%n",
                            "pipeline (" + String.format(Locale.ROOT, "%,d", events) + " events)",
                            "events/s",
                            "ratio")
                    + String.format(Locale.ROOT, row, "raw Avro inline (baseline)", rawAvroRate, 1.0)
                    + String.format(
                            Locale.ROOT,
                            row,
                            "avro-serde (serializer+deserializer)",
                            serdeRate,
                            serdeRate / rawAvroRate)
                    + String.format(
                            Locale.ROOT,
                            row,
                            "pre-encoded bytes, no Avro (Kafka's ceiling)",
                            bytesRate,
                            bytesRate / rawAvroRate);
            System.out.print(table); // the harness's result: its only standard output
        }
    }

    /** Produces events into a fresh one-partition topic and consumes them concurrently. */
    private record Pipeline<V>(
            KafkaCluster kafka,
            java.util.function.IntFunction<V> event,
            Supplier<Serializer<V>> serializer,
            Supplier<Deserializer<?>> deserializer) {

        double run(String topic, int events) throws Exception {
            kafka.createTopic(topic, 1, 1, Map.of());
            ExecutorService consumerThread = Executors.newSingleThreadExecutor();
            try (KafkaConsumer<byte[], ?> consumer =
                    new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(), deserializer.get())) {
                consumer.assign(List.of(new org.apache.kafka.common.TopicPartition(topic, 0)));
                consumer.seekToBeginning(consumer.assignment());
                consumer.poll(Duration.ZERO);
                long start = System.nanoTime();
                Future<Integer> consumed = consumerThread.submit(() -> consume(consumer, events));
                try (KafkaProducer<byte[], V> producer = new KafkaProducer<>(producerProps(), null, serializer.get())) {
                    for (int i = 0; i < events; i++) {
                        producer.send(new ProducerRecord<>(topic, null, event.apply(i)));
                    }
                    producer.flush();
                }
                int count = consumed.get();
                double seconds = (System.nanoTime() - start) / 1e9;
                LOG.info("{}: {} events in {} s", topic, count, seconds);
                return count / seconds;
            } finally {
                consumerThread.shutdownNow();
            }
        }

        private static int consume(KafkaConsumer<byte[], ?> consumer, int events) {
            int count = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (count < events && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], ?> records = consumer.poll(Duration.ofMillis(200));
                count += records.count();
            }
            if (count < events) {
                throw new IllegalStateException("consumed only " + count + " of " + events + " events in 5 minutes");
            }
            return count;
        }

        private Properties producerProps() {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            return props;
        }

        private Properties consumerProps() {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
            props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65_536);
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            return props;
        }
    }
}
