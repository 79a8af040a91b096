package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document that contracts:asyncapi writes during the build travels in the jar beside the contracts. */
class ShippedAsyncApiTest {

    private static String shipped() throws Exception {
        try (InputStream in =
                ShippedAsyncApiTest.class.getClassLoader().getResourceAsStream("eventcontracts/asyncapi.yaml")) {
            assertThat(in)
                    .as("eventcontracts/asyncapi.yaml on the jar's classpath")
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void jar_carriesTheAsyncApi3DocumentWithAChannelPerTopicAndAMessagePerEventType() throws Exception {
        String document = shipped();

        assertThat(document).startsWith("asyncapi: 3.0.0");
        for (TopicContract topic : TopicContracts.load().topics()) {
            assertThat(document)
                    .contains("\n  " + topic.name() + ":\n")
                    .contains("\n  " + topic.deadLetterTopic() + ":\n");
            for (String eventType : topic.value().eventTypes()) {
                assertThat(document).contains("      " + eventType + ":\n");
            }
        }
    }
}
