package dev.eventcontracts.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.contracts.ReleasedContracts;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.orders.OrderCreated;
import dev.eventcontracts.producer.internal.ReleasedProjection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class OrderEventProducerTest {

    private static final TopicContract TOPIC = TopicContracts.load().topicFor(OrderCreated.getClassSchema());
    private static final Serializer<Object> TO_STRING =
            (topic, data) -> String.valueOf(data).getBytes(StandardCharsets.UTF_8);

    private final AtomicBoolean registryClosed = new AtomicBoolean();

    private OrderEventProducer producer(MockProducer<Object, Object> mock, Function<SpecificRecord, Object> encoding) {
        return new OrderEventProducer(
                mock, TOPIC, encoding, "/order-service", 2, Clock.systemUTC(), () -> registryClosed.set(true));
    }

    private static OrderLifecycleGenerator generator() {
        return new OrderLifecycleGenerator(11, Clock.systemUTC(), ContractFeatures.current());
    }

    @Test
    void send_event_goesToTheContractTopicKeyedByOrderIdWithCloudEventHeaders() {
        MockProducer<Object, Object> mock = new MockProducer<>(true, null, TO_STRING, TO_STRING);
        OrderCreated event = (OrderCreated) generator().next();

        producer(mock, e -> e).send(event);

        ProducerRecord<Object, Object> record = mock.history().get(0);
        assertThat(record.topic()).isEqualTo("order-events");
        assertThat(record.key()).isEqualTo(event.getOrderId());
        assertThat(record.value()).isSameAs(event);
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.getEventId());
        assertThat(new String(record.headers().lastHeader("ce_subject").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.getOrderId());
    }

    @Test
    void send_olderContract_sendsTheReleasedRecord() {
        MockProducer<Object, Object> mock = new MockProducer<>(true, null, TO_STRING, TO_STRING);
        ReleasedContracts v1 = ReleasedContracts.load(1);

        producer(mock, new ReleasedProjection(v1)::project).send(generator().next());

        GenericRecord value = (GenericRecord) mock.history().get(0).value();
        assertThat(value.getSchema()).isEqualTo(v1.type("dev.eventcontracts.orders.OrderCreated"));
    }

    @Test
    void send_brokerRejectsOne_countsItAsFailedAndTheOtherAsAcknowledged() {
        MockProducer<Object, Object> mock = new MockProducer<>(false, null, TO_STRING, TO_STRING);
        OrderEventProducer producer = producer(mock, e -> e);
        OrderLifecycleGenerator generator = generator();
        producer.send(generator.next());
        SpecificRecord second = generator.next();
        producer.send(second);

        mock.errorNext(new org.apache.kafka.common.errors.NotEnoughReplicasException("only 1 in sync"));
        mock.completeNext();

        ProduceSummary summary = producer.summary();
        assertThat(summary.sent()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.acknowledged()).isEqualTo(1);
        assertThat(summary.acknowledgedByType())
                .containsExactly(java.util.Map.entry(second.getSchema().getName(), 1L));
    }

    @Test
    void produce_count_sendsExactlyThatManyAndWaitsForAcknowledgements() {
        MockProducer<Object, Object> mock = new MockProducer<>(false, null, TO_STRING, TO_STRING);

        ProduceSummary summary = producer(mock, e -> e).produce(generator(), 250, 0, () -> false);

        assertThat(mock.history()).hasSize(250);
        assertThat(summary.acknowledged()).isEqualTo(250);
        assertThat(summary.acknowledgedByType().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(250);
    }

    @Test
    void produce_stopRequested_endsEarly() {
        MockProducer<Object, Object> mock = new MockProducer<>(true, null, TO_STRING, TO_STRING);
        AtomicInteger polls = new AtomicInteger();

        ProduceSummary summary =
                producer(mock, e -> e).produce(generator(), 1_000, 0, () -> polls.incrementAndGet() > 10);

        assertThat(summary.sent()).isEqualTo(10);
    }

    @Test
    void produce_rate_neverSendsFasterThanAsked() {
        MockProducer<Object, Object> mock = new MockProducer<>(true, null, TO_STRING, TO_STRING);
        long start = System.nanoTime();

        producer(mock, e -> e).produce(generator(), 21, 200, () -> false);

        // 21 events at 200/s: the last is due 100 ms after the first
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(99);
    }

    @Test
    void close_flushesClosesTheProducerAndReleasesTheRegistryClient() {
        MockProducer<Object, Object> mock = new MockProducer<>(false, null, TO_STRING, TO_STRING);
        OrderEventProducer producer = producer(mock, e -> e);
        producer.send(generator().next());

        producer.close();

        assertThat(producer.summary().acknowledged()).isEqualTo(1);
        assertThat(mock.closed()).isTrue();
        assertThat(registryClosed).isTrue();
    }
}
