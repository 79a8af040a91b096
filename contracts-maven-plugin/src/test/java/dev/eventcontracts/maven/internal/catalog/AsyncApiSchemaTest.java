package dev.eventcontracts.maven.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AsyncApiSchemaTest {

    private static final AsyncApiSchema SCHEMA = AsyncApiSchema.load();

    private static ObjectNode minimal() throws Exception {
        return (ObjectNode) new ObjectMapper()
                .readTree("{\"asyncapi\":\"3.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
                        + "\"channels\":{\"c\":{\"address\":\"c\",\"bindings\":{\"kafka\":{\"partitions\":3,"
                        + "\"bindingVersion\":\"0.5.0\"}}}}}");
    }

    @Test
    void resource_isTheOfficialSchemaOfAsyncApiSpecs6_11_1Unchanged() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AsyncApiSchema.RESOURCE)) {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            assertThat(HexFormat.of().formatHex(sha))
                    .isEqualTo("abe96881dbfaad495ccbb6bd8d3fb43ca18a13b9d7564849ccb66f39d5e5b20f");
        }
    }

    @Test
    void problems_minimalValidDocument_none() throws Exception {
        assertThat(SCHEMA.problems(minimal())).isEmpty();
    }

    @Test
    void problems_asyncApi2Version_namesTheVersionField() throws Exception {
        ObjectNode doc = minimal().put("asyncapi", "2.6.0");

        assertThat(SCHEMA.problems(doc)).anySatisfy(p -> assertThat(p).startsWith("/asyncapi: "));
    }

    @Test
    void problems_zeroPartitionsInKafkaBinding_namesTheBindingField() throws Exception {
        ObjectNode doc = minimal();
        doc.withObject("/channels/c/bindings/kafka").put("partitions", 0);

        assertThat(SCHEMA.problems(doc))
                .anySatisfy(p -> assertThat(p).startsWith("/channels/c/bindings/kafka/partitions: "));
    }

    @Test
    void problems_avroKeyUnderKafkaBinding050_isRejectedAsAsyncApiRequiresAJsonSchemaKey() throws Exception {
        ObjectNode doc = minimal();
        ObjectNode message = doc.withObject("/channels/c/messages/m");
        message.withObject("/bindings/kafka").put("bindingVersion", "0.5.0").put("key", "string");

        assertThat(SCHEMA.problems(doc)).isNotEmpty();
    }
}
