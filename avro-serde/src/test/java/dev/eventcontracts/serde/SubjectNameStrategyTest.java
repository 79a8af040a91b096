package dev.eventcontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.orders.OrderCreated;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {

    private static final Schema ORDER = OrderCreated.getClassSchema();

    @Test
    void topicNameStrategy_appendsKeyOrValue() {
        assertThat(new TopicNameStrategy().subjectName("order-events", true, ORDER))
                .isEqualTo("order-events-key");
        assertThat(new TopicNameStrategy().subjectName("order-events", false, ORDER))
                .isEqualTo("order-events-value");
    }

    @Test
    void recordNameStrategy_usesFullName() {
        assertThat(new RecordNameStrategy().subjectName("order-events", false, ORDER))
                .isEqualTo("dev.eventcontracts.orders.OrderCreated");
    }

    @Test
    void topicRecordNameStrategy_prefixesTopic() {
        assertThat(new TopicRecordNameStrategy().subjectName("order-events", false, ORDER))
                .isEqualTo("order-events-dev.eventcontracts.orders.OrderCreated");
    }

    @Test
    void recordNameStrategy_primitive_usesTypeName() {
        assertThat(new RecordNameStrategy().subjectName("t", true, Schema.create(Schema.Type.STRING)))
                .isEqualTo("string");
    }
}
