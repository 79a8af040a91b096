package dev.eventcontracts.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.contracts.ContractTypes;
import dev.eventcontracts.contracts.TopicContract;
import dev.eventcontracts.contracts.TopicContracts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitMojoTest {

    private static InitMojo init(Path dir, String topic, String eventType) {
        InitMojo mojo = new InitMojo();
        mojo.directory = dir.toFile();
        mojo.topic = topic;
        mojo.eventType = eventType;
        mojo.keyField = "paymentId";
        return mojo;
    }

    @Test
    void init_emptyRepository_writesADescriptorAndAnEventThatTheGateAndReleaseAccept(@TempDir Path dir)
            throws Exception {
        init(dir, "payment-events", "com.acme.payments.PaymentReceived").execute();

        TopicContract topic = TopicContracts.read(dir.resolve("schemas/topics.json"))
                .topic("payment-events")
                .orElseThrow();
        assertThat(topic.value().eventTypes()).containsExactly("com.acme.payments.PaymentReceived");
        assertThat(topic.key().field()).isEqualTo("paymentId");
        assertThat(topic.deadLetterTopic()).isEqualTo("payment-events.DLQ");
        assertThat(ContractTypes.readDirectory(dir.resolve("schemas/avro"))
                        .schemas()
                        .get("com.acme.payments.PaymentReceived")
                        .getField("paymentId"))
                .isNotNull();
        assertThat(dir.resolve("schemas/released/README.md")).exists();

        ReleaseMojo release = new ReleaseMojo();
        release.basedir = dir.toFile();
        release.execute();
        assertThat(dir.resolve("schemas/released/v1/release.json")).exists();
    }

    @Test
    void init_existingDescriptor_refusesAndLeavesItAlone(@TempDir Path dir) throws Exception {
        Path descriptor = Files.createDirectories(dir.resolve("schemas")).resolve("topics.json");
        Files.writeString(descriptor, "{}");

        assertThatThrownBy(() -> init(dir, "payment-events", "com.acme.payments.PaymentReceived")
                        .execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("will not overwrite")
                .hasMessageContaining(descriptor.toString());
        assertThat(descriptor).hasContent("{}");
    }

    @Test
    void init_eventTypeWithoutNamespace_failsNamingTheParameterAndAnExample(@TempDir Path dir) {
        assertThatThrownBy(() -> init(dir, "payment-events", "PaymentReceived").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("contracts.eventType is 'PaymentReceived'")
                .hasMessageContaining("-Dcontracts.eventType=com.acme.payments.PaymentReceived");
        assertThat(dir.resolve("schemas")).doesNotExist();
    }

    @Test
    void init_illegalTopicName_failsNamingTheParameter(@TempDir Path dir) {
        assertThatThrownBy(() ->
                        init(dir, "payments events", "com.acme.PaymentReceived").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("contracts.topic is 'payments events'");
    }
}
