package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The jar carries its contract: the generated class, the topic that carries it, and Avro's binary round trip. */
class ${eventType}ContractTest {

    @Test
    void topicContract_carriesTheEventKeyedByItsKeyField() {
        TopicContract topic = TopicContracts.load().topicFor(${eventType}.getClassSchema());

        assertEquals("${topic}", topic.name());
        assertEquals("${keyField}", topic.key().field());
    }

    @Test
    void event_roundTripsThroughAvroBinary() throws IOException {
        ${eventType} event = new ${eventType}();
        event.put("eventId", "event-1");
        event.put("${keyField}", "key-1");
        event.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(${eventType}.class).write(event, encoder);
        encoder.flush();
        ${eventType} read = new SpecificDatumReader<>(${eventType}.class)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertEquals(event, read);
    }
}
