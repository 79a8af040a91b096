package dev.eventcontracts.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.compat.CompatibilityLevel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The descriptor's reader on hand-written descriptors; the shipped one is tested in contracts-lib. */
class TopicContractsModelTest {

    private static String descriptor(String keyExtra, String valueLevel, String strategy) {
        return "{\"referencedTypes\":{\"compatibility\":\"FULL\",\"subjectNameStrategy\":\"" + strategy + "\"},"
                + "\"topics\":[{\"name\":\"t\",\"partitions\":3,\"replicationFactor\":3,\"minInsyncReplicas\":2,"
                + "\"key\":{\"subject\":\"t-key\",\"schema\":\"string\",\"field\":\"id\"" + keyExtra + "},"
                + "\"value\":{\"subject\":\"t-value\",\"compatibility\":\"" + valueLevel + "\","
                + "\"eventTypes\":[\"x.A\"]},\"deadLetterTopic\":\"t.DLQ\"}]}";
    }

    private static TopicContracts parse(String json) throws Exception {
        return TopicContracts.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parse_keySchema_isAvroJsonText() throws Exception {
        TopicContract topic =
                parse(descriptor("", "FULL_TRANSITIVE", "fullName")).topics().get(0);

        assertThat(topic.key().schema()).isEqualTo("\"string\"");
        assertThat(topic.key().level()).isEmpty();
        assertThat(topic.value().level()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    }

    @Test
    void parse_keyLevel_isRead() throws Exception {
        TopicContract topic = parse(descriptor(",\"compatibility\":\"none\"", "FULL", "fullName"))
                .topics()
                .get(0);

        assertThat(topic.key().level()).contains(CompatibilityLevel.NONE);
    }

    @Test
    void parse_unknownLevel_failsNamingTheEntryAndTheLevels() {
        assertThatThrownBy(() -> parse(descriptor("", "SIDEWAYS", "fullName")))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("topic 't' value.compatibility is 'SIDEWAYS'")
                .hasMessageContaining("FULL_TRANSITIVE");
    }

    @Test
    void parse_unknownStrategy_failsNamingIt() {
        assertThatThrownBy(() -> parse(descriptor("", "FULL", "topicName")))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("subjectNameStrategy is 'topicName'");
    }

    @Test
    void parse_missingEntry_namesTopicAndField() {
        String json = descriptor("", "FULL", "fullName").replace("\"subject\":\"t-value\",", "");

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("topic 't' value")
                .hasMessageContaining("'subject'");
    }

    @Test
    void parse_descriptorForTheGateOnly_leavesLayoutKeyFieldAndDeadLetterTopicUndeclared() throws Exception {
        String json = descriptor("", "FULL", "fullName")
                .replace("\"partitions\":3,\"replicationFactor\":3," + "\"minInsyncReplicas\":2,", "")
                .replace(",\"field\":\"id\"", "")
                .replace(",\"deadLetterTopic\":\"t.DLQ\"", "");

        TopicContract topic = parse(json).topics().get(0);

        assertThat(topic.partitions()).isZero();
        assertThat(topic.replicationFactor()).isZero();
        assertThat(topic.minInsyncReplicas()).isZero();
        assertThat(topic.key().field()).isNull();
        assertThat(topic.deadLetterTopic()).isNull();
        assertThat(topic.value().subject()).isEqualTo("t-value");
    }

    @Test
    void parse_layoutBelowOne_failsNamingTheEntry() {
        assertThatThrownBy(
                        () -> parse(descriptor("", "FULL", "fullName").replace("\"partitions\":3", "\"partitions\":0")))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("topic 't' partitions is 0");
    }

    @Test
    void read_fileThatIsNotJson_failsNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("topics.json"), "{\"topics\": ");

        assertThatThrownBy(() -> TopicContracts.read(file))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void topicFor_unknownEventType_failsNamingTheType() throws Exception {
        org.apache.avro.Schema other =
                org.apache.avro.SchemaBuilder.record("x.Other").fields().endRecord();

        assertThatThrownBy(() -> parse(descriptor("", "FULL", "fullName")).topicFor(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.Other");
    }
}
