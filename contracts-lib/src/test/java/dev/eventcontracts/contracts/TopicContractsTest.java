package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.orders.Money;
import dev.eventcontracts.orders.OrderCancelled;
import dev.eventcontracts.orders.OrderCreated;
import org.junit.jupiter.api.Test;

class TopicContractsTest {

    @Test
    void load_readsTheDescriptorShippedInTheJar() {
        TopicContracts contracts = TopicContracts.load();

        assertThat(contracts.topics()).hasSize(1);
        TopicContract topic = contracts.topics().get(0);
        assertThat(topic.key().field()).isEqualTo("orderId");
        assertThat(topic.key().schema()).isEqualTo("\"string\"");
        assertThat(topic.value().eventTypes())
                .containsExactly(
                        OrderCreated.getClassSchema().getFullName(),
                        "dev.eventcontracts.orders.OrderStatusChanged",
                        OrderCancelled.getClassSchema().getFullName());
        assertThat(topic.deadLetterTopic()).startsWith(topic.name());
        assertThat(topic.partitions()).isGreaterThan(1);
        assertThat(topic.minInsyncReplicas()).isLessThan(topic.replicationFactor());
    }

    @Test
    void everyEventType_isAGeneratedClassWithTheOrderIdKeyField() throws Exception {
        for (String type : TopicContracts.load().topics().get(0).value().eventTypes()) {
            org.apache.avro.Schema schema = (org.apache.avro.Schema)
                    Class.forName(type).getMethod("getClassSchema").invoke(null);
            assertThat(schema.getField(
                            TopicContracts.load().topicFor(schema).key().field()))
                    .as(type)
                    .isNotNull();
        }
    }

    @Test
    void topicFor_unknownEventType_failsNamingTheType() {
        assertThatThrownBy(() -> TopicContracts.load().topicFor(Money.getClassSchema()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dev.eventcontracts.orders.Money");
    }

    @Test
    void referencedTypeSubject_isTheFullName() {
        assertThat(TopicContracts.load().referencedTypeSubject("dev.eventcontracts.orders.Money"))
                .isEqualTo("dev.eventcontracts.orders.Money");
    }
}
