package dev.eventcontracts.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventcontracts.devstack.RunningRegistry;
import dev.eventcontracts.devstack.WithKafka;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * dev-stack's {@code @WithKafka(registry = true)} finds this registry through its {@code RegistryProvider}
 * service entry and starts it against the shared broker, as other modules' tests use it.
 */
@WithKafka(registry = true)
@Tag("integration")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DevStackProviderIT {

    @Test
    void withKafkaRegistry_startsThisRegistryOnTheBroker(RunningRegistry registry) {
        Rest rest = new Rest(registry.url());

        Rest.Answer answer = rest.register("dev-stack-value", "\"string\"");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(rest.get("/subjects/dev-stack-value/versions/latest").json().get("id").asInt())
                .isEqualTo(answer.json().get("id").asInt());
        assertThat(rest.get("/v1/metadata/id").json().at("/scope/clusters/kafka-cluster").asText()).isNotBlank();
    }
}
