package dev.eventcontracts.server.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.schema.AvroSchema;
import dev.eventcontracts.schema.SchemaReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuidsTest {

    @Test
    void guid_ofASchemaWithoutReferences_isConfluentsFixtureValue() {
        assertThat(Guids.of("\"bytes\"", List.of())).isEqualTo("b462f06c-b909-be57-c850-08867784cde6");
    }

    @Test
    void guid_coversTheReferences_asConfluentsFixtureShows() {
        String schema = "{\"type\":\"record\",\"name\":\"OrderCreated\",\"namespace\":\"fixture.orders\",\"fields\":"
                + "[{\"name\":\"orderId\",\"type\":\"string\"},{\"name\":\"total\",\"type\":\"Money\"}]}";

        String guid = Guids.of(schema, List.of(new SchemaReference("fixture.orders.Money", "fixture.orders.Money", 1)));

        assertThat(guid).isEqualTo("e9326fb5-12bb-da9d-596b-2f916341fdaa");
    }

    @Test
    void guid_equalsTheSchemaModelsGuid() {
        AvroSchema schema = AvroSchema.parse("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}");

        assertThat(Guids.of(schema.canonicalString(), schema.references())).isEqualTo(schema.guid());
    }
}
