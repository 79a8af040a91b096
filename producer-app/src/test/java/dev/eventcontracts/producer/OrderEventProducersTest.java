package dev.eventcontracts.producer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import dev.eventcontracts.orders.OrderCreated;
import org.junit.jupiter.api.Test;

class OrderEventProducersTest {

    private static final TopicContract TOPIC = TopicContracts.load().topicFor(OrderCreated.getClassSchema());

    @Test
    void requireDefaultSubjectNames_contractSubjects_areTheSerializersDefaults() {
        assertThatCode(() -> OrderEventProducers.requireDefaultSubjectNames(TOPIC))
                .doesNotThrowAnyException();
    }

    @Test
    void requireDefaultSubjectNames_otherValueSubject_failsNamingBoth() {
        TopicContract renamed = new TopicContract(
                TOPIC.name(),
                TOPIC.doc(),
                TOPIC.partitions(),
                TOPIC.replicationFactor(),
                TOPIC.minInsyncReplicas(),
                TOPIC.key(),
                new TopicContract.ValueContract(
                        "orders-v2",
                        TOPIC.value().compatibility(),
                        TOPIC.value().eventTypes()),
                TOPIC.deadLetterTopic());

        assertThatThrownBy(() -> OrderEventProducers.requireDefaultSubjectNames(renamed))
                .hasMessageContaining("'orders-v2'")
                .hasMessageContaining("'order-events-value'");
    }
}
