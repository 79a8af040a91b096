package dev.eventcontracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.client.SchemaRegistries;
import dev.eventcontracts.client.SchemaRegistry;
import dev.eventcontracts.orders.OrderCreated;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    @Test
    void serde_specific_roundTripsForStreams() {
        try (Serde<OrderCreated> serde = new AvroSerde<>(SchemaRegistries.inMemory())) {
            serde.configure(
                    Map.of("schema.registry.url", "http://registry.test:8081", "specific.avro.reader", true), false);
            OrderCreated order = Orders.created("o-1");

            byte[] bytes = serde.serializer().serialize("order-events", order);
            OrderCreated back = serde.deserializer().deserialize("order-events", bytes);

            assertThat(back).isEqualTo(order);
        }
    }

    @Test
    void serde_key_usesKeySubject() {
        SchemaRegistry registry = SchemaRegistries.inMemory();
        try (Serde<String> serde = new AvroSerde<>(registry)) {
            serde.configure(Map.of("schema.registry.url", "http://registry.test:8081"), true);

            byte[] bytes = serde.serializer().serialize("order-events", "o-1");

            assertThat(registry.latest("order-events-key").id()).isEqualTo(bytes[4]);
            assertThat(serde.deserializer().deserialize("order-events", bytes)).isEqualTo("o-1");
        }
    }
}
